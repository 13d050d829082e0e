package vn.healthid.identity.keycloak.vneid.wire;

/**
 * How {@code data} is encrypted under the unwrapped content key. UNVERIFIED against VNeID's documentation: public
 * third-party code shows an AES key wrapped with RSA, not the mode, so both are configurable. AES-GCM is the default
 * because it detects tampering; AES-CBC has no integrity of its own.
 */
public enum ContentCipher {
    /** {@code data} = base64(iv[12] || ciphertext || tag[16]). */
    AES_GCM("AES/GCM/NoPadding", 12),
    /** {@code data} = base64(iv[16] || ciphertext), PKCS#7 padding. */
    AES_CBC("AES/CBC/PKCS5Padding", 16);

    private final String transformation;
    private final int ivLength;

    ContentCipher(String transformation, int ivLength) {
        this.transformation = transformation;
        this.ivLength = ivLength;
    }

    public String transformation() {
        return transformation;
    }

    public int ivLength() {
        return ivLength;
    }
}
