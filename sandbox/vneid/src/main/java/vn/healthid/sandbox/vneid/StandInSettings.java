package vn.healthid.sandbox.vneid;

import java.security.PublicKey;

/**
 * The relying party the stand-in serves: its client credentials and the public key answers are sealed for.
 *
 * @param relyingPartyKey the RSA public key of the relying party (Keycloak's identity provider holds the private key)
 */
public record StandInSettings(String clientId, String clientSecret, PublicKey relyingPartyKey, WireFormat format) {

    public static final String SANDBOX_CLIENT_ID = "healthid-sandbox";
    public static final String SANDBOX_CLIENT_SECRET = "sandbox-vneid-client-secret";
}
