package vn.healthid.identity.keycloak.logout;

import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * A Keycloak session that has ended, read from the event that says so (docs/sessions.md, "Which session ends reach
 * the store"). Keycloak 26.7 sends: {@code LOGOUT} with the session id (RP-initiated logout, the logout endpoint's
 * back channel, account console sign-out), {@code USER_SESSION_DELETED} with the session id when a session expires
 * (idle or maximum lifespan; the reason detail is {@code user_session_expired}), and the admin event {@code DELETE}
 * on {@code USER_SESSION} at path {@code sessions/<sid>} when an administrator signs out one session.
 *
 * @param sid Keycloak's user-session id, the tokens' {@code sid} claim
 * @param cause what ended it: {@code LOGOUT}, {@code SESSION_EXPIRED} or {@code ADMIN_SESSION_DELETE}
 */
public record EndedSession(String sid, String cause) {

    /** Keycloak's session ids (UUIDs, base64url); anything else is not written under a key. */
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private static final String SESSIONS_PATH = "sessions/";

    public static Optional<EndedSession> of(Event event) {
        if (event.getType() == null || event.getError() != null) {
            return Optional.empty();
        }
        String cause = switch (event.getType()) {
            case LOGOUT -> "LOGOUT";
            case USER_SESSION_DELETED -> "SESSION_EXPIRED";
            default -> null;
        };
        return cause == null ? Optional.empty() : valid(event.getSessionId(), cause);
    }

    public static Optional<EndedSession> of(AdminEvent event) {
        if (event.getOperationType() != OperationType.DELETE
                || event.getResourceType() != ResourceType.USER_SESSION
                || event.getError() != null
                || event.getResourcePath() == null
                || !event.getResourcePath().startsWith(SESSIONS_PATH)) {
            return Optional.empty();
        }
        return valid(event.getResourcePath().substring(SESSIONS_PATH.length()), "ADMIN_SESSION_DELETE");
    }

    static boolean isEndOfSession(EventType type) {
        return type == EventType.LOGOUT || type == EventType.USER_SESSION_DELETED;
    }

    static boolean isSessionId(String sid) {
        return sid != null && SID.matcher(sid).matches();
    }

    private static Optional<EndedSession> valid(String sid, String cause) {
        return isSessionId(sid) ? Optional.of(new EndedSession(sid, cause)) : Optional.empty();
    }
}
