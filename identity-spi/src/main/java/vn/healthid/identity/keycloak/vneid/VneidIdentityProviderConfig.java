package vn.healthid.identity.keycloak.vneid;

import java.util.Locale;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import vn.healthid.identity.keycloak.vneid.wire.ContentCipher;
import vn.healthid.identity.keycloak.vneid.wire.EnvelopeSpec;
import vn.healthid.identity.keycloak.vneid.wire.OaepDigest;

/** Typed view of the VNeID identity provider's config map; every key and default is here. */
public final class VneidIdentityProviderConfig extends OIDCIdentityProviderConfig {

    public static final String WIRE_FORMAT = "vneidWireFormat";
    public static final String MINIMUM_LEVEL = "vneidMinimumLevel";
    public static final String DECRYPTION_KEY = "vneidDecryptionKey";
    public static final String CONTENT_CIPHER = "vneidContentCipher";
    public static final String OAEP_DIGEST = "vneidOaepDigest";
    public static final String CODE_ENCRYPTED = "vneidCodeEncrypted";
    public static final String MAX_RESPONSE_BYTES = "vneidMaxResponseBytes";
    public static final String ACR_LEVEL_1 = "vneidAcrLevel1";
    public static final String ACR_LEVEL_2 = "vneidAcrLevel2";
    public static final String LOA_LEVEL_1 = "vneidLoaLevel1";
    public static final String LOA_LEVEL_2 = "vneidLoaLevel2";
    public static final String TIMEOUT_MILLIS = "vneidTimeoutMillis";

    public static final int DEFAULT_MINIMUM_LEVEL = 2;
    /** Same as Keycloak's default outgoing socket timeout. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    public VneidIdentityProviderConfig() {}

    public VneidIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public WireMode wireMode() {
        return WireMode.valueOf(
                value(WIRE_FORMAT, WireMode.STANDARD_OIDC.name()).toUpperCase(Locale.ROOT));
    }

    /** Lowest VNeID accountLevel accepted (1 or 2); lower logins are refused with VNEID_LEVEL_TOO_LOW. */
    public int minimumLevel() {
        int level = Integer.parseInt(value(MINIMUM_LEVEL, String.valueOf(DEFAULT_MINIMUM_LEVEL)));
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException(MINIMUM_LEVEL + " must be 1 or 2");
        }
        return level;
    }

    /** PEM (PKCS#8) of the relying party's RSA private key, or a vault reference such as ${vault.vneid-rp-key}. */
    public String decryptionKeyReference() {
        return getConfig().get(DECRYPTION_KEY);
    }

    public EnvelopeSpec envelopeSpec() {
        return new EnvelopeSpec(
                ContentCipher.valueOf(value(CONTENT_CIPHER, ContentCipher.AES_GCM.name())),
                OaepDigest.valueOf(value(OAEP_DIGEST, OaepDigest.SHA_256.name())),
                Integer.parseInt(value(MAX_RESPONSE_BYTES, String.valueOf(EnvelopeSpec.DEFAULT_MAX_BYTES))));
    }

    public boolean codeEncrypted() {
        return Boolean.parseBoolean(value(CODE_ENCRYPTED, "true"));
    }

    /** Connect and read timeout of the VNeID back-channel calls (wire format only). */
    public int timeoutMillis() {
        int millis = Integer.parseInt(value(TIMEOUT_MILLIS, String.valueOf(DEFAULT_TIMEOUT_MILLIS)));
        if (millis <= 0) {
            throw new IllegalArgumentException(TIMEOUT_MILLIS + " must be positive");
        }
        return millis;
    }

    public VneidLevels levels() {
        return new VneidLevels(
                value(ACR_LEVEL_1, VneidLevels.DEFAULT_ACR_1),
                Integer.parseInt(value(LOA_LEVEL_1, "1")),
                value(ACR_LEVEL_2, VneidLevels.DEFAULT_ACR_2),
                Integer.parseInt(value(LOA_LEVEL_2, "2")));
    }

    private String value(String key, String fallback) {
        String value = getConfig().get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
