package vn.healthid.identity.keycloak.launch;

import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link SmartLaunchResource} at {@code /realms/{realm}/smart-launch}; its options: {@link LaunchSettings}. */
public final class SmartLaunchResourceFactory implements RealmResourceProviderFactory {

    public static final String ID = "smart-launch";

    private LaunchSettings settings = LaunchSettings.DEFAULTS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new SmartLaunchResource(session, settings, Clock.systemUTC());
            }

            @Override
            public void close() {}
        };
    }

    LaunchSettings settings() {
        return settings;
    }

    @Override
    public void init(Config.Scope config) {
        settings = LaunchSettings.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
