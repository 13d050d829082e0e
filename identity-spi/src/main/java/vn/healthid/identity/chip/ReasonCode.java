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
    // Every check reported (a check is skipped only when its input is missing) and the EF.SOD / DG14 / DG15
    // encoding rules (docs/cccd-chip.md, "EF.SOD: the encoding rules the verifier enforces").
    NOT_CHECKED_NO_BUNDLE,
    NOT_CHECKED_NO_SOD,
    NOT_CHECKED_NO_DS_CERTIFICATE,
    SOD_DIGEST_ALGORITHM_DUPLICATE,
    SOD_DIGEST_ALGORITHM_UNUSED,
    SOD_CRLS_MALFORMED,
    SOD_SIGNER_IDENTIFIER_MISMATCH,
    SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID,
    SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED,
    AA_KEY_PARAMETERS_INVALID,
    AA_KEY_NOT_DER,
    DG14_KEY_NOT_DER,
    // DG13 and DG1/DG13 agreement (docs/cccd-chip.md)
    /** A field that a decision uses appears more than once in DG13: which one counts is ambiguous. */
    DG13_FIELD_DUPLICATED,
    /** A DG13 field or the whole file is longer than the bound checked before Unicode normalisation. */
    DG13_TOO_LONG,
    /** The 12-digit number at the start of the MRZ optional data (DG1) is not DG13's number. */
    DG1_DG13_NUMBER_MISMATCH,
    /** No longer produced: every check whose input exists runs (kept for stored events). */
    NOT_CHECKED_AFTER_FAILURE
}
