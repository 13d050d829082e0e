package vn.healthid.identity.keycloak.logout;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import vn.healthid.identity.keycloak.redis.RedisConnection;
import vn.healthid.identity.keycloak.redis.RedisEventListenerFactory;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/**
 * {@value #ID}: writes the health realm's ended sessions into the bridge's Redis (docs/sessions.md). Enable it in
 * the realm ({@code eventsListeners}); options are {@code --spi-events-listener--healthid-logout--<option>}. The
 * Redis options not given here are read from the audit listener's ({@value #REDIS_FALLBACK_PROVIDER}), so one set
 * of options points the whole extension at the bridge's Redis.
 */
public final class EndedSessionListenerFactory extends RedisEventListenerFactory {

    public static final String ID = "healthid-logout";
    /** Whose Redis options are the default: the audit listener's ({@code audit.AuditEventListenerFactory}). */
    static final String REDIS_FALLBACK_PROVIDER = "healthid-audit";

    private static final System.Logger LOG = System.getLogger(EndedSessionListenerFactory.class.getName());

    private EndedSessionConfig config;
    private RedisConnection redis;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope scope) {
        config = new EndedSessionConfig(
                scope.getBoolean("publish", true),
                scope.get("key-prefix", EndedSessionConfig.DEFAULT_KEY_PREFIX),
                scope.get("realm", EndedSessionConfig.DEFAULT_REALM),
                scope.getInt("clock-skew-seconds", EndedSessionConfig.DEFAULT_CLOCK_SKEW_SECONDS),
                RedisSettings.from(scope, Config.scope("eventsListener", REDIS_FALLBACK_PROVIDER)));
        redis = open(config.redis());
        LOG.log(System.Logger.Level.INFO, "healthid ended-session listener: {0}", config);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EndedSessionListener(session, config, redis);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return withRedisOptions(
                commonOptions(
                                "false: write nothing",
                                EndedSessionConfig.DEFAULT_REALM,
                                "the only realm whose ended sessions are written")
                        .property()
                        .name("key-prefix")
                        .type("string")
                        .defaultValue(EndedSessionConfig.DEFAULT_KEY_PREFIX)
                        .helpText("the bridge's healthid.store.key-prefix; keys are <prefix>revoked-sid:<sid>")
                        .add()
                        .property()
                        .name("clock-skew-seconds")
                        .type("int")
                        .defaultValue(EndedSessionConfig.DEFAULT_CLOCK_SKEW_SECONDS)
                        .helpText("the bridge's clock skew: added to the key's lifetime")
                        .add(),
                " (default: the healthid-audit listener's option)");
    }
}
