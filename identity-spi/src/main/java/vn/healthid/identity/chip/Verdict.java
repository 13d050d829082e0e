package vn.healthid.identity.chip;

/** The outcome of one check (after JMRTD's VerificationStatus). */
public enum Verdict {
    SUCCEEDED,
    FAILED,
    NOT_PRESENT,
    NOT_CHECKED
}
