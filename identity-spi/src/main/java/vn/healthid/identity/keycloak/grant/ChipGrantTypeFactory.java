package vn.healthid.identity.keycloak.grant;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** Registers the clinic back-channel grant at the token endpoint under its URN. */
public final class ChipGrantTypeFactory implements OAuth2GrantTypeFactory {

    public static final String GRANT_TYPE = "urn:vn:healthid:params:oauth:grant-type:cccd-chip";
    /** Keycloak encodes the grant into token ids by this short name; it must not clash with built-in ones. */
    private static final String SHORTCUT = "hc";

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new ChipGrantType();
    }

    @Override
    public String getShortcut() {
        return SHORTCUT;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return GRANT_TYPE;
    }
}
