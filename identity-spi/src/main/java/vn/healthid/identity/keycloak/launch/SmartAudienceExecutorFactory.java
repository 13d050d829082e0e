package vn.healthid.identity.keycloak.launch;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * Client-policy executor {@value #ID} ({@link SmartAudienceExecutor}), enabled for every client by the realm's client
 * policy {@code smart-aud} (sandbox/realms/health-realm.json, compose/realm/health-realm.json). Its one option,
 * {@code --spi-client-policy-executor--healthid-smart-aud--fhir-base-urls}: the bridge's FHIR base URL(s),
 * comma-separated. Unset, every request that carries an {@code aud} is refused (fail closed).
 */
public final class SmartAudienceExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "healthid-smart-aud";
    public static final String FHIR_BASE_URLS = "fhir-base-urls";
    private static final Logger LOG = Logger.getLogger(SmartAudienceExecutorFactory.class);

    private FhirBaseUrls fhirBaseUrls = FhirBaseUrls.parse(null);

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new SmartAudienceExecutor(fhirBaseUrls);
    }

    @Override
    public void init(Config.Scope config) {
        fhirBaseUrls = FhirBaseUrls.parse(config.get(FHIR_BASE_URLS));
        if (fhirBaseUrls.isEmpty()) {
            LOG.warnf(
                    "%s: no %s configured; every authorization request with an aud parameter will be refused",
                    ID, FHIR_BASE_URLS);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "SMART aud: refuses an authorization request whose aud parameter is not this server's FHIR base URL.";
    }

    /** The executor has no per-policy configuration: the accepted URLs are a server option. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(FHIR_BASE_URLS)
                .type("string")
                .helpText("Comma-separated FHIR base URLs an aud authorization parameter may name")
                .add()
                .build();
    }
}
