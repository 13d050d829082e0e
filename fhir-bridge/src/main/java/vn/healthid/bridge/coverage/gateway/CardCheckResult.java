package vn.healthid.bridge.coverage.gateway;

import java.time.LocalDate;

/**
 * A validated card-check answer. Dates are null when the gateway left them empty. {@code json} is
 * the validated answer as received, kept so that a cached answer is re-read through the same checks.
 */
public record CardCheckResult(
        ResultCode code,
        String ghiChu,
        String maThe,
        String maSoBhxh,
        String hoTen,
        String ngaySinh,
        String gioiTinh,
        String maDkbd,
        LocalDate gtTheTu,
        LocalDate gtTheDen,
        String maKv,
        LocalDate ngayDu5Nam,
        Renewal renewal,
        String json) {

    /** New card reported with 003 / 004. */
    public record Renewal(String maTheMoi, String maDkbdMoi, LocalDate gtTheTuMoi, LocalDate gtTheDenMoi) {}

    /** The card that applies today: the new one for 003, else the one checked. */
    public String effectiveCardCode() {
        return code == ResultCode.RENEWED_OLD_EXPIRED && renewal != null ? renewal.maTheMoi() : maThe;
    }

    public LocalDate effectiveValidTo() {
        return code == ResultCode.RENEWED_OLD_EXPIRED && renewal != null ? renewal.gtTheDenMoi() : gtTheDen;
    }

    public String effectiveFacility() {
        return code == ResultCode.RENEWED_OLD_EXPIRED && renewal != null && renewal.maDkbdMoi() != null
                ? renewal.maDkbdMoi()
                : maDkbd;
    }

    @Override
    public String toString() {
        return "CardCheckResult[" + code.code() + "]";
    }
}
