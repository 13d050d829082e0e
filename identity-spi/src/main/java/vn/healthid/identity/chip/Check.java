package vn.healthid.identity.chip;

/** The checks of a chip verification, in the order they run. */
public enum Check {
    BUNDLE,
    CHALLENGE,
    DATA_GROUP_HASHES,
    SOD_SIGNATURE,
    CERTIFICATE_CHAIN,
    CERTIFICATE_VALIDITY,
    REVOCATION,
    ACTIVE_AUTHENTICATION,
    CONSISTENCY
}
