package vn.healthid.identity.keycloak.vneid.wire;

/** A VNeID response the adapter refuses; {@link #reason()} is the stable code shown on the error page and in events. */
public final class VneidWireException extends Exception {

    /** Stable reason codes. The message of the exception never carries payload content. */
    public enum Reason {
        /** Not a {@code {data, key}} JSON object, or a field is not base64. */
        ENVELOPE_MALFORMED,
        /** The wrapped content key does not open with the relying party's private key. */
        KEY_UNWRAP_FAILED,
        /** The content does not decrypt: altered ciphertext, IV or tag, or a key for another payload. */
        PAYLOAD_TAMPERED,
        /** Decrypted, but not a JSON object (with AES-CBC the only sign of tampering). */
        PAYLOAD_NOT_JSON,
        /** Larger than the configured limit: refused before any decryption. */
        PAYLOAD_TOO_LARGE,
        /** The token response has no access token. */
        TOKEN_MISSING,
        /** The userinfo claims are missing or not well formed (citizenPid, accountLevel, birthDate). */
        CLAIMS_INVALID
    }

    private final Reason reason;

    public VneidWireException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public VneidWireException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
