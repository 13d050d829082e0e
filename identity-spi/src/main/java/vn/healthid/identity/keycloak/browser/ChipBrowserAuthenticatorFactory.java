package vn.healthid.identity.keycloak.browser;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** "CCCD chip (QR / kiosk)" in the admin console's flow editor. */
public final class ChipBrowserAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "cccd-chip-browser";
    private static final ChipBrowserAuthenticator SINGLETON = new ChipBrowserAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CCCD chip (QR / kiosk)";
    }

    @Override
    public String getReferenceCategory() {
        return "cccd-chip";
    }

    @Override
    public String getHelpText() {
        return "Login with the chip of a CCCD card, read by the citizen's phone (QR code) or a kiosk.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ChipBrowserConfig.PROOF)
                .label("Proof required")
                .helpText("PASSIVE_AND_ACTIVE or PASSIVE_ONLY; empty: the server default. Forced to"
                        + " PASSIVE_AND_ACTIVE under a Level-of-Authentication condition above the passive level.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("", "PASSIVE_AND_ACTIVE", "PASSIVE_ONLY")
                .defaultValue("")
                .add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
