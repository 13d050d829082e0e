package vn.healthid.sandbox.cards;

/** The chip's active-authentication key (DG15), and how it signs. */
public enum AaKey {
    NONE(null),
    RSA_1024_SHA1(KeySpecName.rsa(1024)),
    RSA_2048_SHA256(KeySpecName.rsa(2048)),
    EC_P256_SHA256(KeySpecName.ec("secp256r1"));

    private final KeySpecName keySpec;

    AaKey(KeySpecName keySpec) {
        this.keySpec = keySpec;
    }

    KeySpecName keySpec() {
        return keySpec;
    }

    boolean isEc() {
        return this == EC_P256_SHA256;
    }
}
