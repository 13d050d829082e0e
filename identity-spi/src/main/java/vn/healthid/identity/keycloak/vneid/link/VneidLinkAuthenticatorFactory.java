package vn.healthid.identity.keycloak.vneid.link;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The only step of the "vneid first broker login" flow (sandbox/realms/health-vneid-snippet.json). */
public final class VneidLinkAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-link-by-national-id";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID: link by national id, or create";
    }

    @Override
    public String getHelpText() {
        return "First broker login for VNeID: links to the one user with the same national id whose identity was proven"
                + " (chip or VNeID level 2), creates the user when there is none, refuses anything else. Never uses e-mail.";
    }

    @Override
    public String getReferenceCategory() {
        return "vneid";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new VneidLinkAuthenticator();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
