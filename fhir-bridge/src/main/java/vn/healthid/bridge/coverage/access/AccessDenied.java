package vn.healthid.bridge.coverage.access;

/** The caller may not look up this coverage. {@code code} is a stable reason code shown to the caller. */
public final class AccessDenied extends RuntimeException {

    private final String code;

    public AccessDenied(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
