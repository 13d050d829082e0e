package vn.healthid.identity.keycloak.logout;

import java.io.IOException;
import java.util.Optional;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.healthid.identity.keycloak.redis.RedisConnection;

/**
 * Writes each ended session of the health realm into the bridge's Redis, so that every bridge replica refuses that
 * session's tokens until they have expired (docs/sessions.md). Keycloak calls listeners while it handles the
 * request: a Redis failure is logged, never fails the logout, and the session's tokens then live until {@code exp}.
 */
final class EndedSessionListener implements EventListenerProvider {

    private static final System.Logger LOG = System.getLogger(EndedSessionListener.class.getName());

    private final KeycloakSession session;
    private final EndedSessionConfig config;
    private final RedisConnection redis;

    EndedSessionListener(KeycloakSession session, EndedSessionConfig config, RedisConnection redis) {
        this.session = session;
        this.config = config;
        this.redis = redis;
    }

    @Override
    public void onEvent(Event event) {
        if (config.enabled() && EndedSession.isEndOfSession(event.getType())) {
            EndedSession.of(event).ifPresent(ended -> write(ended, event.getRealmId(), event.getTime()));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (config.enabled()) {
            EndedSession.of(event).ifPresent(ended -> write(ended, event.getRealmId(), event.getTime()));
        }
    }

    private void write(EndedSession ended, String realmId, long timeMillis) {
        Optional<RealmModel> realm =
                Optional.ofNullable(realmId).map(id -> session.realms().getRealm(id));
        if (realm.isEmpty() || !config.realm().equals(realm.get().getName())) {
            return;
        }
        try {
            // the value is when the session ended (epoch seconds); the bridge only tests that the key exists
            redis.setWithTtl(config.key(ended.sid()), Long.toString(timeMillis / 1000), config.ttlSeconds(realm.get()));
        } catch (IOException e) {
            // without the session id: it is the handle of the citizen's tokens
            LOG.log(
                    System.Logger.Level.ERROR,
                    "ended session ({0}) not written to Redis, its tokens live until they expire: {1}",
                    ended.cause(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        // the connection belongs to the factory
    }
}
