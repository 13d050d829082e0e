package vn.healthid.identity.keycloak.redis;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What the extension's event listeners that write to the bridge's Redis share: one connection per node, opened in
 * {@code init} and closed with the factory, and the {@code publish} and {@code realm} options that every such
 * listener has. Each subclass owns its own options and what it writes.
 */
public abstract class RedisEventListenerFactory implements EventListenerProviderFactory {

    private RedisConnection redis;

    /** Opens the node's one connection; called once from {@code init}. */
    protected final RedisConnection open(RedisSettings settings) {
        redis = new RedisConnection(settings);
        return redis;
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // nothing to look up
    }

    @Override
    public final void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** The {@code publish} and {@code realm} options, for the subclass to add its own to. */
    protected static ProviderConfigurationBuilder commonOptions(
            String publishHelp, String defaultRealm, String realmHelp) {
        return ProviderConfigurationBuilder.create()
                .property()
                .name("publish")
                .type("boolean")
                .defaultValue(true)
                .helpText(publishHelp)
                .add()
                .property()
                .name("realm")
                .type("string")
                .defaultValue(defaultRealm)
                .helpText(realmHelp)
                .add();
    }

    /** The subclass's options followed by the Redis connection options, each help text ending in {@code note}. */
    protected static List<ProviderConfigProperty> withRedisOptions(ProviderConfigurationBuilder own, String note) {
        List<ProviderConfigProperty> properties = new ArrayList<>(own.build());
        properties.addAll(RedisSettings.configMetadata(note));
        return properties;
    }
}
