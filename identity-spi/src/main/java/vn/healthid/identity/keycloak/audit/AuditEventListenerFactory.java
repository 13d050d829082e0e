package vn.healthid.identity.keycloak.audit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import vn.healthid.identity.keycloak.redis.RedisConnection;
import vn.healthid.identity.keycloak.redis.RedisEventListenerFactory;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/**
 * {@value #ID}: publishes login events of the health realm to the audit Redis stream the bridge
 * reads. Enable it in the realm ({@code eventsListeners}); options are
 * {@code --spi-events-listener--healthid-audit--<option>}.
 */
public final class AuditEventListenerFactory extends RedisEventListenerFactory {

    public static final String ID = "healthid-audit";
    private static final System.Logger LOG = System.getLogger(AuditEventListenerFactory.class.getName());

    private AuditListenerConfig config;
    private RedisConnection writer;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope scope) {
        config = new AuditListenerConfig(
                scope.getBoolean("publish", true),
                RedisSettings.from(scope, null),
                scope.get("stream-key", AuditListenerConfig.DEFAULT_STREAM_KEY),
                scope.get("realm", AuditListenerConfig.DEFAULT_REALM),
                Arrays.stream(scope.get("event-types", AuditListenerConfig.DEFAULT_EVENT_TYPES)
                                .split(","))
                        .map(String::trim)
                        .filter(type -> !type.isEmpty())
                        .collect(Collectors.toSet()));
        writer = open(config.redis());
        LOG.log(System.Logger.Level.INFO, "healthid audit listener: {0}", config);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListener(session, config, writer);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return withRedisOptions(
                commonOptions(
                                "false: publish nothing",
                                AuditListenerConfig.DEFAULT_REALM,
                                "the only realm whose events are published")
                        .property()
                        .name("stream-key")
                        .type("string")
                        .defaultValue(AuditListenerConfig.DEFAULT_STREAM_KEY)
                        .helpText("Redis stream the fhir-bridge reads: <bridge key-prefix>stream:<audit stream>")
                        .add()
                        .property()
                        .name("event-types")
                        .type("string")
                        .defaultValue(AuditListenerConfig.DEFAULT_EVENT_TYPES)
                        .helpText("comma-separated Keycloak event types to publish")
                        .add(),
                "");
    }
}
