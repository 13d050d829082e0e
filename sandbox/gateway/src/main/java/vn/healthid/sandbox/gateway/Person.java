package vn.healthid.sandbox.gateway;

import java.util.List;

/**
 * One synthetic insured person of the stand-in's population. {@code status} is the maKetQua the
 * gateway reports once the caller's name and date of birth match; an empty {@code cardCode} means
 * the person has no card (a child reported with 130).
 */
public record Person(
        String key,
        String status,
        String ghiChu,
        String cccd,
        String bhxh,
        String cardCode,
        String hoTen,
        String ngaySinh,
        String gioiTinh,
        String diaChi,
        String maDKBD,
        String maKV,
        String gtTheTu,
        String gtTheDen,
        String ngayDu5Nam,
        Renewal renewal,
        List<Visit> history) {

    public Person {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** New card data reported with codes 003 / 004. */
    public record Renewal(String maTheMoi, String maDKBDMoi, String gtTheTuMoi, String gtTheDenMoi) {}

    /** One treatment-history item (dates as yyyyMMddHHmm, lyDoVV 1-4). */
    public record Visit(
            String maHoSo,
            String maCSKCB,
            String ngayVao,
            String ngayRa,
            String tenBenh,
            String tinhTrang,
            String kqDieuTri,
            String lyDoVV) {}
}
