package vn.healthid.identity.keycloak.logout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import vn.healthid.identity.keycloak.redis.RedisConnection;

/**
 * Which sessions each user logged in with, kept by the listener itself: when an administrator signs out all sessions
 * of a user ({@code POST users/<id>/logout}), deletes the user, or signs out the whole realm ({@code logout-all}),
 * Keycloak's admin event names no session, and the sessions are gone by then (docs/sessions.md). Key
 * {@code <prefix>user-sessions:<user id>}, a set of session ids living as long as the newest one's tokens can.
 */
final class UserSessionIndex {

    /** Keycloak's user ids (UUIDs, or federated {@code f:<provider>:<id>}). */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private static final Pattern USER_LOGOUT = Pattern.compile("users/([^/]+)/logout");
    private static final Pattern USER = Pattern.compile("users/([^/]+)");

    private final EndedSessionConfig config;
    private final RedisConnection redis;

    UserSessionIndex(EndedSessionConfig config, RedisConnection redis) {
        this.config = config;
        this.redis = redis;
    }

    /** A user's session that a login (or an impersonation) began. */
    record Begun(String userId, String sid) {}

    static Optional<Begun> begun(Event event) {
        boolean begins = event.getType() == EventType.LOGIN || event.getType() == EventType.IMPERSONATE;
        if (!begins
                || event.getError() != null
                || event.getUserId() == null
                || !USER_ID.matcher(event.getUserId()).matches()
                || !EndedSession.isSessionId(event.getSessionId())) {
            return Optional.empty();
        }
        return Optional.of(new Begun(event.getUserId(), event.getSessionId()));
    }

    /** The user whose every session the admin event ended; empty for other admin events. */
    static Optional<String> userOf(AdminEvent event) {
        String path = event.getResourcePath();
        if (path == null || event.getError() != null) {
            return Optional.empty();
        }
        var match = event.getOperationType() == OperationType.ACTION
                ? USER_LOGOUT.matcher(path)
                : event.getOperationType() == OperationType.DELETE ? USER.matcher(path) : null;
        return match != null
                        && match.matches()
                        && USER_ID.matcher(match.group(1)).matches()
                ? Optional.of(match.group(1))
                : Optional.empty();
    }

    static boolean endsEverySession(AdminEvent event) {
        return event.getOperationType() == OperationType.ACTION
                && event.getError() == null
                && "logout-all".equals(event.getResourcePath());
    }

    void remember(String userId, String sid, long ttlSeconds) throws IOException {
        redis.addToSet(key(userId), sid, ttlSeconds);
    }

    /** The user's recorded sessions, and forgets them. */
    List<String> takeSessionsOf(String userId) throws IOException {
        List<String> sessions = redis.members(key(userId));
        redis.delete(key(userId));
        return sessions;
    }

    /** Every user's recorded sessions, and forgets them. */
    List<String> takeEverySession() throws IOException {
        List<String> sessions = new ArrayList<>();
        for (String key : redis.keys(glob(config.keyPrefix() + "user-sessions:") + "*")) {
            sessions.addAll(redis.members(key));
            redis.delete(key);
        }
        return sessions;
    }

    private String key(String userId) {
        return config.keyPrefix() + "user-sessions:" + userId;
    }

    /** SCAN's MATCH is a glob: the prefix is matched literally. */
    private static String glob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
