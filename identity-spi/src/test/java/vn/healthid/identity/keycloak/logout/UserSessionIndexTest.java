package vn.healthid.identity.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import redis.clients.jedis.RedisClient;
import vn.healthid.identity.keycloak.redis.RedisConnection;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/** Which events begin a user's session and which end all of them; the index on the shared Redis, own prefix. */
class UserSessionIndexTest {

    private static final String USER = "5d1c2b3a-0f9e-4d8c-b7a6-112233445566";
    private static final String SID = "3f2b7c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f";

    @Test
    void loginBeginsASessionOfTheUser() {
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN, USER, SID, null)))
                .contains(new UserSessionIndex.Begun(USER, SID));
        assertThat(UserSessionIndex.begun(event(EventType.IMPERSONATE, USER, SID, null)))
                .contains(new UserSessionIndex.Begun(USER, SID));
    }

    @Test
    void failedLoginsAndOtherEventsBeginNothing() {
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN, USER, SID, "invalid_user_credentials")))
                .isEmpty();
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN_ERROR, USER, SID, null)))
                .isEmpty();
        assertThat(UserSessionIndex.begun(event(EventType.CODE_TO_TOKEN, USER, SID, null)))
                .isEmpty();
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN, null, SID, null)))
                .isEmpty();
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN, "a b", SID, null)))
                .isEmpty();
        assertThat(UserSessionIndex.begun(event(EventType.LOGIN, USER, null, null)))
                .isEmpty();
    }

    @Test
    void signingOutOrDeletingAUserEndsEveryOneOfTheirSessions() {
        assertThat(UserSessionIndex.userOf(admin(OperationType.ACTION, "users/" + USER + "/logout")))
                .contains(USER);
        assertThat(UserSessionIndex.userOf(admin(OperationType.DELETE, "users/" + USER)))
                .contains(USER);
    }

    @Test
    void otherAdminChangesOfAUserEndNoSession() {
        assertThat(UserSessionIndex.userOf(admin(OperationType.UPDATE, "users/" + USER)))
                .isEmpty();
        assertThat(UserSessionIndex.userOf(admin(OperationType.ACTION, "users/" + USER + "/reset-password")))
                .isEmpty();
        assertThat(UserSessionIndex.userOf(admin(OperationType.DELETE, "users/" + USER + "/groups/g1")))
                .isEmpty();
        assertThat(UserSessionIndex.endsEverySession(admin(OperationType.ACTION, "push-revocation")))
                .isFalse();
    }

    @Test
    void realmSignOutEndsEverySession() {
        assertThat(UserSessionIndex.endsEverySession(admin(OperationType.ACTION, "logout-all")))
                .isTrue();
    }

    @Test
    void takingAUsersSessionsReturnsEachOnceAndForgetsThem() throws IOException {
        String prefix = "healthid-test-" + UUID.randomUUID() + ":[x]*:";
        RedisSettings settings = RedisSettings.direct(URI.create("redis://127.0.0.1:6379"), Duration.ofSeconds(1));
        EndedSessionConfig config = new EndedSessionConfig(true, prefix, "health", 30, settings);
        try (RedisConnection redis = new RedisConnection(settings);
                RedisClient check = RedisClient.create("redis://127.0.0.1:6379")) {
            UserSessionIndex index = new UserSessionIndex(config, redis);
            index.remember(USER, "s1", 120);
            index.remember(USER, "s2", 120);
            index.remember(USER, "s1", 120);
            index.remember("other-user", "s3", 120);
            assertThat(check.ttl(prefix + "user-sessions:" + USER)).isBetween(1L, 120L);

            assertThat(index.takeSessionsOf(USER)).containsExactlyInAnyOrder("s1", "s2");
            assertThat(index.takeSessionsOf(USER)).isEmpty();
            assertThat(index.takeEverySession()).containsExactly("s3");
            assertThat(check.exists(prefix + "user-sessions:other-user")).isFalse();
        }
    }

    private static Event event(EventType type, String user, String sid, String error) {
        Event event = new Event();
        event.setType(type);
        event.setUserId(user);
        event.setSessionId(sid);
        event.setError(error);
        return event;
    }

    private static AdminEvent admin(OperationType operation, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourcePath(path);
        return event;
    }
}
