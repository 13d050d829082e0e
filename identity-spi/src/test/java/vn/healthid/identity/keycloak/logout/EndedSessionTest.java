package vn.healthid.identity.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** Which Keycloak events end a session, and whose session. */
class EndedSessionTest {

    private static final String SID = "3f2b7c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f";

    @Test
    void logoutEndsTheSessionItNames() {
        assertThat(EndedSession.of(event(EventType.LOGOUT, SID, null))).contains(new EndedSession(SID, "LOGOUT"));
    }

    @Test
    void expiredSessionIsAnEndedSession() {
        Event expired = event(EventType.USER_SESSION_DELETED, SID, null);
        expired.setDetails(Map.of("reason", "user_session_expired"));

        assertThat(EndedSession.of(expired)).contains(new EndedSession(SID, "SESSION_EXPIRED"));
    }

    @Test
    void failedLogoutEndsNothing() {
        assertThat(EndedSession.of(event(EventType.LOGOUT_ERROR, SID, "user_session_not_found")))
                .isEmpty();
        assertThat(EndedSession.of(event(EventType.LOGOUT, SID, "invalid_token")))
                .isEmpty();
    }

    @Test
    void loginsAndTokenEventsEndNothing() {
        for (EventType type : new EventType[] {EventType.LOGIN, EventType.CODE_TO_TOKEN, EventType.REFRESH_TOKEN}) {
            assertThat(EndedSession.of(event(type, SID, null))).as(type.name()).isEmpty();
        }
    }

    @Test
    void logoutWithoutASessionIdEndsNothing() {
        assertThat(EndedSession.of(event(EventType.LOGOUT, null, null))).isEmpty();
    }

    @Test
    void sessionIdThatCouldBreakTheKeyIsNotWritten() {
        assertThat(EndedSession.of(event(EventType.LOGOUT, "a b", null))).isEmpty();
        assertThat(EndedSession.of(event(EventType.LOGOUT, "x\r\nDEL *", null))).isEmpty();
        assertThat(EndedSession.of(event(EventType.LOGOUT, "s".repeat(129), null)))
                .isEmpty();
    }

    @Test
    void administratorSigningOutOneSessionEndsIt() {
        AdminEvent deleted = admin(OperationType.DELETE, ResourceType.USER_SESSION, "sessions/" + SID);

        assertThat(EndedSession.of(deleted)).contains(new EndedSession(SID, "ADMIN_SESSION_DELETE"));
    }

    @Test
    void otherAdminChangesEndNoSession() {
        assertThat(EndedSession.of(admin(OperationType.DELETE, ResourceType.USER, "users/" + SID)))
                .isEmpty();
        assertThat(EndedSession.of(admin(OperationType.ACTION, ResourceType.USER_SESSION, "sessions/" + SID)))
                .isEmpty();
        assertThat(EndedSession.of(admin(OperationType.DELETE, ResourceType.USER_SESSION, null)))
                .isEmpty();
    }

    private static Event event(EventType type, String sid, String error) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm-uuid");
        event.setSessionId(sid);
        event.setError(error);
        return event;
    }

    private static AdminEvent admin(OperationType operation, ResourceType resource, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        event.setRealmId("realm-uuid");
        return event;
    }
}
