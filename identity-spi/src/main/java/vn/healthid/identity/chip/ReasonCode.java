package vn.healthid.identity.chip;

/** Stable reason codes of chip verification; callers show and count these, never exception text. */
public enum ReasonCode {
    OK,
    BUNDLE_MALFORMED,
    BUNDLE_TOO_LARGE,
    BUNDLE_UNKNOWN_FILE,
    BUNDLE_MISSING_FILE,
    CHALLENGE_MISMATCH,
    SOD_MALFORMED,
    DATA_GROUP_MALFORMED,
    COM_SOD_MISMATCH,
    DG_HASH_MISMATCH,
    DG_HASH_MISSING,
    DIGEST_ALGORITHM_NOT_ALLOWED,
    SOD_SIGNATURE_INVALID,
    SIGNATURE_ALGORITHM_NOT_ALLOWED,
    DS_CERTIFICATE_MISSING,
    CHAIN_UNTRUSTED_ISSUER,
    DS_NOT_VALID_AT_SIGNING_TIME,
    CSCA_NOT_VALID,
    DS_KEY_USAGE_INVALID,
    DS_REVOKED,
    CSCA_REVOKED,
    AA_NOT_SUPPORTED_BY_CARD,
    AA_SIGNATURE_MISSING,
    AA_SIGNATURE_INVALID,
    AA_ALGORITHM_UNKNOWN,
    AA_TRAILER_INVALID,
    MRZ_DG13_MISMATCH,
    NUMBER_DOB_MISMATCH,
    NUMBER_SEX_MISMATCH,
    CARD_EXPIRED,
    DG13_FIELD_MISSING,
    // DG13 and DG1/DG13 agreement (docs/cccd-chip.md)
    /** A field that a decision uses appears more than once in DG13: which one counts is ambiguous. */
    DG13_FIELD_DUPLICATED,
    /** A DG13 field or the whole file is longer than the bound checked before Unicode normalisation. */
    DG13_TOO_LONG,
    /** The 12-digit number at the start of the MRZ optional data (DG1) is not DG13's number. */
    DG1_DG13_NUMBER_MISMATCH,
    NOT_CHECKED_AFTER_FAILURE
}
