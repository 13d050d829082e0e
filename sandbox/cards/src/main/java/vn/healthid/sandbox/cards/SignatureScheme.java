package vn.healthid.sandbox.cards;

/** The signature scheme of the sandbox CSCA, Document Signer and SOD. */
public enum SignatureScheme {
    RSA_PKCS1_SHA256(KeySpecName.rsa(2048), "SHA256withRSA"),
    RSA_PSS_SHA256(KeySpecName.rsa(2048), "SHA256withRSAandMGF1"),
    ECDSA_P256_SHA256(KeySpecName.ec("secp256r1"), "SHA256withECDSA"),
    ECDSA_P384_SHA384(KeySpecName.ec("secp384r1"), "SHA384withECDSA"),
    ECDSA_P521_SHA512(KeySpecName.ec("secp521r1"), "SHA512withECDSA"),
    ECDSA_BRAINPOOL_P256_SHA256(KeySpecName.ec("brainpoolP256r1"), "SHA256withECDSA"),
    ECDSA_BRAINPOOL_P384_SHA384(KeySpecName.ec("brainpoolP384r1"), "SHA384withECDSA");

    private final KeySpecName keySpec;
    private final String jcaSignatureName;

    SignatureScheme(KeySpecName keySpec, String jcaSignatureName) {
        this.keySpec = keySpec;
        this.jcaSignatureName = jcaSignatureName;
    }

    KeySpecName keySpec() {
        return keySpec;
    }

    /** Bouncy Castle's JCA name; RSA-PSS becomes id-RSASSA-PSS with SHA-256 / MGF1-SHA-256. */
    String jcaSignatureName() {
        return jcaSignatureName;
    }
}
