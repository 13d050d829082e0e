package vn.healthid.bridge.coverage;

/** No answer and no cached answer young enough: 504 ({@code timeout}) or 503 ({@code transient}). */
public final class CoverageUnavailableException extends RuntimeException {

    private final boolean timeout;

    public CoverageUnavailableException(boolean timeout, String message) {
        super(message, null, false, false);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
