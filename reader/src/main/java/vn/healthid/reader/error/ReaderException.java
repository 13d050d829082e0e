package vn.healthid.reader.error;

import java.util.Objects;

/** A failure with its {@link ReaderError}; the optional detail is safe to show (never card data, never a key). */
public final class ReaderException extends Exception {

    private final ReaderError error;
    private final String detail;

    public ReaderException(ReaderError error) {
        this(error, null, null);
    }

    public ReaderException(ReaderError error, String detail) {
        this(error, detail, null);
    }

    public ReaderException(ReaderError error, String detail, Throwable cause) {
        super(error.name() + (detail == null ? "" : " (" + detail + ")"), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.detail = detail;
    }

    public ReaderError error() {
        return error;
    }

    /** A reader's name, a server's reason code, a file name: null when there is none. */
    public String detail() {
        return detail;
    }
}
