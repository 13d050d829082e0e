package vn.healthid.identity.keycloak.logout;

import java.io.IOException;
import java.util.List;
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
    private final UserSessionIndex index;

    EndedSessionListener(KeycloakSession session, EndedSessionConfig config, RedisConnection redis) {
        this.session = session;
        this.config = config;
        this.redis = redis;
        this.index = new UserSessionIndex(config, redis);
    }

    @Override
    public void onEvent(Event event) {
        if (!config.enabled()) {
            return;
        }
        if (EndedSession.isEndOfSession(event.getType())) {
            EndedSession.of(event)
                    .ifPresent(ended -> healthRealm(event.getRealmId())
                            .ifPresent(realm -> end(List.of(ended.sid()), ended.cause(), realm, event.getTime())));
            return;
        }
        UserSessionIndex.begun(event)
                .ifPresent(begun -> healthRealm(event.getRealmId())
                        .ifPresent(realm -> attempt(
                                "LOGIN", () -> index.remember(begun.userId(), begun.sid(), config.ttlSeconds(realm)))));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (!config.enabled()) {
            return;
        }
        healthRealm(event.getRealmId()).ifPresent(realm -> {
            EndedSession.of(event).ifPresent(ended -> end(List.of(ended.sid()), ended.cause(), realm, event.getTime()));
            UserSessionIndex.userOf(event)
                    .ifPresent(user -> attempt(
                            "ADMIN_USER_LOGOUT",
                            () -> end(index.takeSessionsOf(user), "ADMIN_USER_LOGOUT", realm, event.getTime())));
            if (UserSessionIndex.endsEverySession(event)) {
                attempt(
                        "ADMIN_REALM_LOGOUT",
                        () -> end(index.takeEverySession(), "ADMIN_REALM_LOGOUT", realm, event.getTime()));
            }
        });
    }

    private Optional<RealmModel> healthRealm(String realmId) {
        return Optional.ofNullable(realmId)
                .map(id -> session.realms().getRealm(id))
                .filter(realm -> config.realm().equals(realm.getName()));
    }

    private void end(List<String> sids, String cause, RealmModel realm, long timeMillis) {
        long ttl = config.ttlSeconds(realm);
        for (String sid : sids) {
            // the value is when the session ended (epoch seconds); the bridge only tests that the key exists
            attempt(cause, () -> redis.setWithTtl(config.key(sid), Long.toString(timeMillis / 1000), ttl));
        }
    }

    private interface RedisWrite {
        void run() throws IOException;
    }

    private static void attempt(String cause, RedisWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            // without the session id: it is the handle of the citizen's tokens
            LOG.log(
                    System.Logger.Level.ERROR,
                    "ended-session store not written ({0}); the tokens of the session live until they expire: {1}",
                    cause,
                    e.toString());
        }
    }

    @Override
    public void close() {
        // the connection belongs to the factory
    }
}
