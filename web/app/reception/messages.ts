import type { Words } from "../shared/i18n";

/** What the clerk reads, and what to do next, for each refusal (reader codes: reader/README.md "Errors";
 * bridge codes: fhir-bridge/README.md "Errors" and "Treatment history"). */
export interface Advice {
  title: Words;
  next: Words;
}

const CHECK_DATA: Words = {
  vi: "Kiểm tra lại số CCCD, ngày sinh và ngày hết hạn in trên thẻ, rồi đọc lại.",
  en: "Check the CCCD number, date of birth and expiry printed on the card, then read again.",
};
const PUT_BACK: Words = {
  vi: "Đặt thẻ lại lên đầu đọc, giữ yên cho đến khi có kết quả, rồi đọc lại.",
  en: "Put the card back on the reader, keep it still until the answer shows, then read again.",
};

export const READER_ADVICE: Record<string, Advice> = {
  READER_UNREACHABLE: {
    title: { vi: "Không kết nối được đầu đọc thẻ", en: "The desk reader does not answer" },
    next: {
      vi: "Kiểm tra đầu đọc đã cắm và chương trình cccd-reader serve đang chạy trên máy này.",
      en: "Check that the reader is plugged in and cccd-reader serve runs on this computer.",
    },
  },
  NO_READER: {
    title: { vi: "Không có đầu đọc thẻ", en: "No card reader connected" },
    next: { vi: "Cắm đầu đọc thẻ vào máy rồi thử lại.", en: "Plug the reader in and try again." },
  },
  NO_CARD: {
    title: { vi: "Chưa có thẻ trên đầu đọc", en: "No card on the reader" },
    next: { vi: "Đặt thẻ CCCD gắn chip lên đầu đọc rồi đọc lại.", en: "Put the chip CCCD card on the reader and read again." },
  },
  ACCESS_CONTROL_FAILED: {
    title: { vi: "Dữ liệu thẻ không đúng", en: "Wrong card data" },
    next: CHECK_DATA,
  },
  CAN_REQUIRED: {
    title: { vi: "Thẻ cần số CAN hoặc dữ liệu MRZ", en: "The card needs its CAN or MRZ data" },
    next: CHECK_DATA,
  },
  CARD_REMOVED: { title: { vi: "Thẻ bị nhấc ra khi đang đọc", en: "Card removed while reading" }, next: PUT_BACK },
  SECURE_MESSAGING_FAILED: { title: { vi: "Thẻ trả lời không toàn vẹn", en: "The card's answers failed their check" }, next: PUT_BACK },
  TRANSMISSION_FAILED: { title: { vi: "Thẻ ngừng trả lời", en: "The card stopped answering" }, next: PUT_BACK },
  NOT_A_CCCD: {
    title: { vi: "Đây không phải thẻ CCCD gắn chip", en: "This is not a chip CCCD card" },
    next: { vi: "Đề nghị người bệnh đưa thẻ CCCD gắn chip.", en: "Ask for the chip CCCD card." },
  },
  SERVER_REFUSED: {
    title: { vi: "healthid không chấp nhận thẻ", en: "healthid refused the card" },
    next: {
      vi: "Thẻ không qua được kiểm tra chữ ký hoặc đã hết hạn. Tiếp đón theo quy trình không có thẻ chip.",
      en: "The card failed its signature checks or has expired. Continue with the no-chip procedure.",
    },
  },
  SERVER_UNREACHABLE: {
    title: { vi: "Không kết nối được máy chủ healthid", en: "The healthid server does not answer" },
    next: { vi: "Kiểm tra mạng rồi thử lại.", en: "Check the network and try again." },
  },
  STAFF_TOKEN_REFUSED: {
    title: { vi: "Phiên đăng nhập của nhân viên không dùng được cho phòng khám", en: "Your sign-in cannot be used for the clinic" },
    next: {
      vi: "Đăng xuất rồi đăng nhập lại (mật khẩu và mã OTP), rồi đọc lại thẻ.",
      en: "Sign out and in again (password and OTP), then read the card again.",
    },
  },
  DECLINED: {
    title: { vi: "Lượt đọc thẻ bị từ chối trên đầu đọc", en: "The read was declined at the reader" },
    next: {
      vi: "Bấm Đọc thẻ lại và trả lời \"có\" trong cửa sổ của cccd-reader.",
      en: "Press Read card again and answer \"yes\" in the cccd-reader window.",
    },
  },
  BUSY: {
    title: { vi: "Đầu đọc đang đọc một thẻ khác", en: "The reader is busy with another card" },
    next: { vi: "Chờ lượt đọc đang chạy xong rồi thử lại.", en: "Wait for the running read to finish, then try again." },
  },
};

export const BRIDGE_ADVICE: Record<string, Advice> = {
  COVERAGE_NO_USABLE_CARD: {
    title: { vi: "Không có thẻ BHYT dùng được", en: "No usable BHYT card" },
    next: {
      vi: "Người bệnh khám dịch vụ (tự trả) hoặc liên hệ BHXH để cấp lại thẻ.",
      en: "Register the visit as self-paying, or refer the person to social insurance for a card.",
    },
  },
  COVERAGE_IDENTITY_MISMATCH: {
    title: { vi: "Thông tin không khớp với cổng BHYT", en: "Identity does not match the insurance gateway" },
    next: {
      vi: "Đối chiếu họ tên, ngày sinh trên thẻ với giấy tờ; nếu khác, hướng dẫn người bệnh điều chỉnh tại BHXH.",
      en: "Compare name and date of birth with the documents; if they differ, refer the person to social insurance.",
    },
  },
  COVERAGE_GATEWAY_UNAVAILABLE: {
    title: { vi: "Cổng giám định BHYT không trả lời", en: "The insurance gateway does not answer" },
    next: {
      vi: "Chưa có kết quả trước đó cho thẻ này. Tiếp đón và kiểm tra lại sau vài phút.",
      en: "There is no earlier answer for this card. Register the visit and check again in a few minutes.",
    },
  },
  COVERAGE_GATEWAY_TIMEOUT: {
    title: { vi: "Cổng giám định BHYT trả lời quá chậm", en: "The insurance gateway timed out" },
    next: { vi: "Thử lại sau vài phút.", en: "Try again in a few minutes." },
  },
  COVERAGE_STAFF_TOKEN_INVALID: {
    title: { vi: "Phiên đăng nhập của nhân viên không dùng được cho tra cứu", en: "Your sign-in cannot be used for the lookup" },
    next: {
      vi: "Đăng xuất rồi đăng nhập lại (mật khẩu và mã OTP). Nếu vẫn lỗi, báo quản trị hệ thống.",
      en: "Sign out and in again (password and OTP). If it persists, tell the administrator.",
    },
  },
  COVERAGE_STAFF_IDENTITY_REQUIRED: {
    title: { vi: "Thiếu danh tính nhân viên", en: "Your identity is missing" },
    next: { vi: "Đăng nhập lại.", en: "Sign in again." },
  },
  TOKEN_EXPIRED: {
    title: { vi: "Mã truy cập của thẻ đã hết hạn", en: "The card's token has expired" },
    next: { vi: "Đọc lại thẻ.", en: "Read the card again." },
  },
  NETWORK: {
    title: { vi: "Không kết nối được máy chủ FHIR", en: "The FHIR server does not answer" },
    next: { vi: "Kiểm tra mạng rồi thử lại.", en: "Check the network and try again." },
  },
};

export const GENERIC: Advice = {
  title: { vi: "Không tra cứu được", en: "The lookup failed" },
  next: { vi: "Thử lại; nếu vẫn lỗi, báo quản trị hệ thống kèm mã lỗi.", en: "Try again; if it persists, tell the administrator the code." },
};
