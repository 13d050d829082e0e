package vn.healthid.bridge.coverage.gateway;

/** The gateway gave no usable answer. {@link Kind} decides the FHIR issue type callers see. */
public final class GatewayException extends RuntimeException {

    public enum Kind {
        /** No answer in time (issue type {@code timeout}). */
        TIMEOUT,
        /** Unreachable, reset, 5xx, or refused our credentials (issue type {@code transient}). */
        UNAVAILABLE,
        /** Answered something that is not the documented JSON (issue type {@code transient}). */
        MALFORMED
    }

    private final Kind kind;

    public GatewayException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public GatewayException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
