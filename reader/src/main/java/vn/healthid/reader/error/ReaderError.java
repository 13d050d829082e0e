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
    SERVER_REFUSED(7, "máy chủ healthid từ chối thẻ", "healthid refused the card"),
    STAFF_TOKEN_REFUSED(
            7,
            "healthid không đổi được phiên đăng nhập của nhân viên cho phòng khám; đăng nhập lại",
            "healthid refused to exchange the clerk's sign-in for the clinic's; sign in again"),
    MRZ_INVALID(
            2,
            "dữ liệu MRZ / mã QR không hợp lệ; nhập lại hoặc quét lại",
            "the MRZ / QR data is not valid; retype or rescan it"),
    EXPIRY_NEEDED(
            4,
            "mã QR không có ngày hết hạn và ngày suy ra không mở được chip: nhập ngày hết hạn in trên thẻ",
            "the QR code has no expiry and the derived one did not open the chip: type the expiry printed on the card"),
    BIND_REFUSED(2, "đầu đọc chỉ phục vụ trên 127.0.0.1", "the reader serves on 127.0.0.1 only"),
    ORIGIN_REFUSED(2, "trang này không được phép dùng đầu đọc", "this page is not allowed to use the reader"),
    HOST_REFUSED(2, "yêu cầu không gửi tới 127.0.0.1", "the request was not addressed to 127.0.0.1"),
    DECLINED(4, "nhân viên đã từ chối lượt đọc thẻ này", "the clerk declined this card read"),
    BUSY(5, "đầu đọc đang đọc một thẻ khác", "the reader is busy with another card"),
    BAD_REQUEST(2, "yêu cầu gửi tới đầu đọc không hợp lệ", "the request to the reader is not valid"),
    UNKNOWN_ENDPOINT(2, "đầu đọc không có yêu cầu này", "the reader has no such request");

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
