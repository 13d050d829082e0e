package vn.healthid.sandbox.vneid;

/**
 * How the stand-in seals its answers; must match the identity provider's configuration in Keycloak. The VNeID format
 * itself is UNVERIFIED (docs/vneid.md): these are the configurable parts.
 *
 * @param cipher {@code AES_GCM} (data = iv[12] || ciphertext || tag) or {@code AES_CBC} (data = iv[16] || ciphertext)
 * @param oaepDigest {@code SHA-256} or {@code SHA-1}, for RSA-OAEP key wrapping
 * @param codeEncrypted whether the authorization code is sent as base64url of a sealed {@code {"code": ...}}
 */
public record WireFormat(String cipher, String oaepDigest, boolean codeEncrypted) {

    public static final WireFormat DEFAULT = new WireFormat("AES_GCM", "SHA-256", true);

    public WireFormat {
        if (!cipher.equals("AES_GCM") && !cipher.equals("AES_CBC")) {
            throw new IllegalArgumentException("cipher must be AES_GCM or AES_CBC");
        }
        if (!oaepDigest.equals("SHA-256") && !oaepDigest.equals("SHA-1")) {
            throw new IllegalArgumentException("oaepDigest must be SHA-256 or SHA-1");
        }
    }
}
