package vn.healthid.reader.error;

/**
 * Every way a read or a delivery can fail, with a stable code and the words a clerk reads, in Vietnamese and
 * English. The texts never carry card data; a detail (a reader's name, a server's reason code) is added by
 * {@link ReaderException} where it helps.
 */
public enum ReaderError {
    USAGE(2, "lệnh không hợp lệ", "invalid command line"),
    NO_READER(3, "không có đầu đọc thẻ nào được kết nối", "no reader connected"),
    READER_NOT_FOUND(3, "không tìm thấy đầu đọc thẻ có tên này", "no reader with this name"),
    NO_CARD(3, "chưa đặt thẻ lên đầu đọc", "no card on the reader"),
    NOT_A_CCCD(4, "thẻ này không có chip CCCD (ứng dụng eMRTD)", "this card has no CCCD chip (eMRTD application)"),
    ACCESS_CONTROL_FAILED(
            4,
            "sai ngày sinh hoặc ngày hết hạn của thẻ này: không mở được chip",
            "wrong date of birth or expiry for this card: access control failed"),
    CAN_REQUIRED(
            4, "thẻ cần số CAN hoặc dữ liệu MRZ để mở chip", "the card needs its CAN or MRZ data to open the chip"),
    CARD_REMOVED(5, "thẻ bị nhấc ra trong khi đọc", "card removed while reading"),
    SECURE_MESSAGING_FAILED(
            5,
            "dữ liệu từ thẻ không qua được kiểm tra toàn vẹn; giữ yên thẻ và thử lại",
            "the card's answers failed their integrity check (secure messaging); hold the card still and try again"),
    TRANSMISSION_FAILED(
            5,
            "thẻ ngừng trả lời; giữ yên thẻ trên đầu đọc và thử lại",
            "the card stopped answering; hold it still on the reader and try again"),
    FILE_MISSING(4, "chip thiếu một tệp bắt buộc", "the chip lacks a required file"),
    AA_FAILED(4, "chip không trả lời xác thực chủ động", "the chip did not answer active authentication"),
    BUNDLE_WRITE_FAILED(6, "không ghi được tệp kết quả", "cannot write the bundle file"),
    SECRET_MISSING(
            2,
            "thiếu mật khẩu máy khách (tệp --client-secret-file hoặc biến HEALTHID_CLIENT_SECRET)",
            "the client secret is missing (--client-secret-file or HEALTHID_CLIENT_SECRET)"),
    DEEP_LINK_INVALID(2, "mã QR / liên kết đăng nhập không hợp lệ", "the login QR code / link is not valid"),
    SERVER_UNREACHABLE(7, "không kết nối được máy chủ healthid", "cannot reach the healthid server"),
    SERVER_REFUSED(7, "máy chủ healthid từ chối thẻ", "healthid refused the card");

    private final int exitCode;
    private final String vietnamese;
    private final String english;

    ReaderError(int exitCode, String vietnamese, String english) {
        this.exitCode = exitCode;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public int exitCode() {
        return exitCode;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
