package vn.healthid.identity.keycloak.launch;

import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Options of the {@code smart-launch} realm resource ({@code --spi-realm-restapi-extension--smart-launch--<name>}):
 * {@code launch-lifespan-seconds} (default 300, the longest a registered launch stays valid; a clinic may ask for
 * less) and {@code visit-window-seconds} (default 43200: how long after reading a card a clinic may launch for that
 * patient).
 */
public record LaunchSettings(Duration launchLifespan, Duration visitWindow) {

    public static final LaunchSettings DEFAULTS = new LaunchSettings(Duration.ofMinutes(5), Duration.ofHours(12));

    public LaunchSettings {
        if (launchLifespan.isNegative()
                || launchLifespan.isZero()
                || visitWindow.isNegative()
                || visitWindow.isZero()) {
            throw new IllegalArgumentException("smart-launch lifespans must be positive");
        }
    }

    static LaunchSettings from(Config.Scope config) {
        return new LaunchSettings(
                Duration.ofSeconds(config.getLong(
                        "launch-lifespan-seconds", DEFAULTS.launchLifespan().toSeconds())),
                Duration.ofSeconds(config.getLong(
                        "visit-window-seconds", DEFAULTS.visitWindow().toSeconds())));
    }

    /** The deployed settings (the resource factory's), or the defaults when the resource is not deployed. */
    public static LaunchSettings of(KeycloakSession session) {
        return session.getKeycloakSessionFactory()
                                .getProviderFactory(RealmResourceProvider.class, SmartLaunchResourceFactory.ID)
                        instanceof SmartLaunchResourceFactory factory
                ? factory.settings()
                : DEFAULTS;
    }
}
