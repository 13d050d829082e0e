package vn.healthid.identity.keycloak.vneid.wire;

/**
 * The {@code {data, key}} envelope format, as one typed value. All parts are UNVERIFIED against an official VNeID
 * specification (see docs/vneid.md) and come from the identity provider's configuration.
 *
 * @param cipher content encryption of {@code data}
 * @param oaep RSA-OAEP parameters of {@code key}
 * @param maxBytes largest response body accepted, checked before decoding
 */
public record EnvelopeSpec(ContentCipher cipher, OaepDigest oaep, int maxBytes) {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final EnvelopeSpec DEFAULT =
            new EnvelopeSpec(ContentCipher.AES_GCM, OaepDigest.SHA_256, DEFAULT_MAX_BYTES);

    public EnvelopeSpec {
        if (cipher == null || oaep == null || maxBytes <= 0) {
            throw new IllegalArgumentException("cipher, oaep and a positive maxBytes are required");
        }
    }
}
