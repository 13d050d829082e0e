package vn.healthid.identity.keycloak.vneid.wire;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The relying party's RSA private key from PEM (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}) or bare base64 DER. */
public final class RelyingPartyKey {

    private RelyingPartyKey() {}

    public static PrivateKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("no relying-party private key configured");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("relying-party private key is not an RSA PKCS#8 key", e);
        }
    }
}
