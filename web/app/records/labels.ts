import type { Words } from "../shared/i18n";

/** Names people recognise for the realm's clients (sandbox/realms/health-realm.json). */
export const CLIENTS: Record<string, Words> = {
  "clinic-reception": { vi: "Phòng khám – quầy tiếp đón (đầu đọc thẻ)", en: "Clinic – reception (card reader)" },
  "reception-desk": { vi: "Phòng khám – quầy tiếp đón", en: "Clinic – reception desk" },
  "clinic-workstation": { vi: "Phòng khám – máy trạm bác sĩ", en: "Clinic – doctor's workstation" },
  "my-records": { vi: "Hồ sơ của tôi (trang này)", en: "My records (this site)" },
  "patient-portal": { vi: "Cổng bệnh nhân", en: "Patient portal" },
  "telehealth-app": { vi: "Ứng dụng khám từ xa", en: "Telehealth app" },
  "video-service": { vi: "Dịch vụ gọi video", en: "Video service" },
};

/** restful-interaction codes and Keycloak event types, as the bridge's AuditEvent.subtype carries them. */
export const ACTIONS: Record<string, Words> = {
  read: { vi: "xem", en: "read" },
  vread: { vi: "xem", en: "read" },
  "search-type": { vi: "tìm kiếm", en: "searched" },
  search: { vi: "tìm kiếm", en: "searched" },
  create: { vi: "tạo", en: "created" },
  update: { vi: "sửa", en: "changed" },
  delete: { vi: "xoá", en: "deleted" },
  operation: { vi: "tra cứu", en: "looked up" },
  LOGIN: { vi: "đăng nhập", en: "signed in" },
  LOGIN_ERROR: { vi: "đăng nhập không thành công", en: "failed sign-in" },
  CODE_TO_TOKEN: { vi: "nhận quyền truy cập", en: "received access" },
};

export const TYPES: Record<string, Words> = {
  Patient: { vi: "hồ sơ cá nhân", en: "personal record" },
  Coverage: { vi: "thẻ BHYT", en: "insurance card" },
  CoverageEligibilityRequest: { vi: "kiểm tra thẻ BHYT", en: "insurance check" },
  CoverageEligibilityResponse: { vi: "kiểm tra thẻ BHYT", en: "insurance check" },
  Encounter: { vi: "lượt khám", en: "visits" },
  Appointment: { vi: "lịch hẹn", en: "appointment" },
  AuditEvent: { vi: "nhật ký truy cập", en: "access log" },
  Consent: { vi: "đồng ý chia sẻ", en: "consent" },
};

/** v3-ActReason codes the bridge records (docs/audit-and-consent.md). */
export const PURPOSES: Record<string, Words> = {
  TREAT: { vi: "khám chữa bệnh", en: "treatment" },
  HPAYMT: { vi: "thanh toán BHYT", en: "insurance payment" },
  PATRQT: { vi: "theo yêu cầu của bạn", en: "at your request" },
  ETREAT: { vi: "cấp cứu", en: "emergency treatment" },
  HOPERAT: { vi: "vận hành cơ sở y tế", en: "healthcare operations" },
};

export function words(table: Record<string, Words>, code: string | undefined): Words | undefined {
  return code ? table[code] : undefined;
}
