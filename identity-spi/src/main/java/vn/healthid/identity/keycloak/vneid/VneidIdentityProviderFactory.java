package vn.healthid.identity.keycloak.vneid;

import java.util.List;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Provider id {@code vneid}: an OpenID Connect provider with VNeID's claims, levels and (optional) wire format. */
public final class VneidIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String PROVIDER_ID = "vneid";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "VNeID";
    }

    @Override
    public VneidIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new VneidIdentityProvider(session, new VneidIdentityProviderConfig(model));
    }

    @Override
    public VneidIdentityProviderConfig createConfig() {
        return new VneidIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(VneidIdentityProviderConfig.WIRE_FORMAT)
                .label("Wire format")
                .helpText(
                        "STANDARD_OIDC, or VNEID: encrypted code, form-encoded token request, {data, key} responses, no id_token")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("STANDARD_OIDC", "VNEID")
                .defaultValue("STANDARD_OIDC")
                .add()
                .property()
                .name(VneidIdentityProviderConfig.MINIMUM_LEVEL)
                .label("Minimum VNeID level")
                .helpText("Lowest accountLevel accepted: 1 (self-registered) or 2 (verified in person)")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("1", "2")
                .defaultValue("2")
                .add()
                .property()
                .name(VneidIdentityProviderConfig.DECRYPTION_KEY)
                .label("Relying-party private key")
                .helpText("PEM (PKCS#8) RSA key that opens VNeID's {data, key} answers, or a vault reference")
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .add()
                .property()
                .name(VneidIdentityProviderConfig.CONTENT_CIPHER)
                .label("Content cipher (UNVERIFIED)")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("AES_GCM", "AES_CBC")
                .defaultValue("AES_GCM")
                .add()
                .property()
                .name(VneidIdentityProviderConfig.OAEP_DIGEST)
                .label("RSA-OAEP digest (UNVERIFIED)")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("SHA_256", "SHA_1")
                .defaultValue("SHA_256")
                .add()
                .property()
                .name(VneidIdentityProviderConfig.TIMEOUT_MILLIS)
                .label("VNeID timeout (ms)")
                .helpText("Connect and read timeout of the token and userinfo calls (VNeID wire format)")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("5000")
                .add()
                .property()
                .name(VneidIdentityProviderConfig.CODE_ENCRYPTED)
                .label("Encrypted authorization code")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .build();
    }
}
