package vn.healthid.bridge.consent;

/**
 * The verdict of a consent check with its reason code and, when granted, the consent relied on
 * (to be named in the audit trail and in errors).
 */
public record ConsentDecision(Verdict verdict, String consentId) {

    public enum Verdict {
        GRANTED,
        /** no consent names this client */
        CONSENT_NONE,
        /** a consent names the client but was revoked */
        CONSENT_REVOKED,
        /** a consent names the client but its period has ended */
        CONSENT_EXPIRED,
        /** a consent names the client but starts later */
        CONSENT_NOT_YET_VALID,
        /** a consent names the client but not for this purpose */
        CONSENT_PURPOSE_NOT_COVERED
    }

    public boolean granted() {
        return verdict == Verdict.GRANTED;
    }

    static ConsentDecision denied(Verdict verdict) {
        return new ConsentDecision(verdict, null);
    }
}
