package vn.healthid.identity.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.CardSpec;

/**
 * Sessions ended in the real Keycloak reach the bridge's Redis under the key the bridge reads (docs/sessions.md):
 * the demo realm lists {@code healthid-logout}; the harness gives this run its own key prefix. The key lives as long
 * as the realm's longest session (36,000 s) plus the bridge's clock skew (30 s).
 */
class EndedSessionListenerIT {

    private static final long REALM_SSO_MAX_LIFESPAN = 36_000;
    private static final long CLOCK_SKEW = 30;

    private static KeycloakServer server;
    private static Oidc oidc;
    private static RedisClient redis;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
        redis = RedisClient.create("redis://127.0.0.1:6379");
    }

    @AfterAll
    static void removeKeys() {
        redis.keys(KeycloakServer.LOGOUT_KEY_PREFIX + "*").forEach(redis::del);
        redis.close();
    }

    @Test
    void citizenLoggingOutOfTheBrowserSessionEndsItsTokensInTheStore() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            String bundle = server.cards()
                    .issue(server.cards().freshCitizen(), CardSpec.defaults())
                    .bundleJson(login.challenge());
            assertThat(login.phonePosts(bundle).status()).isEqualTo(202);
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();
            String sid =
                    Oidc.claims(tokens.get("access_token").asText()).get("sid").asText();
            assertThat(redis.exists(key(sid))).as("a login ends nothing").isFalse();
            long before = Instant.now().getEpochSecond();

            // RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) with the id_token as hint
            Oidc.Response logout = oidc.get(
                    server.realmUrl() + "/protocol/openid-connect/logout?client_id=" + "telehealth-app&id_token_hint="
                            + enc(tokens.get("id_token").asText()));

            assertThat(logout.status()).as(logout.body()).isEqualTo(200);
            assertEndedNow(sid, before);
        }
    }

    @Test
    void appLoggingOutWithItsRefreshTokenEndsTheSessionInTheStore() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("patient-portal", null);
            String bundle = server.cards()
                    .issue(server.cards().freshCitizen(), CardSpec.defaults())
                    .bundleJson(login.challenge());
            login.phonePosts(bundle);
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();
            String sid =
                    Oidc.claims(tokens.get("access_token").asText()).get("sid").asText();
            long before = Instant.now().getEpochSecond();

            Oidc.Response logout = oidc.postForm(
                    server.realmUrl() + "/protocol/openid-connect/logout",
                    Map.of(
                            "client_id",
                            "patient-portal",
                            "refresh_token",
                            tokens.get("refresh_token").asText()));

            assertThat(logout.status()).as(logout.body()).isEqualTo(204);
            assertEndedNow(sid, before);
        }
    }

    @Test
    void administratorSigningOutOneSessionEndsItsTokensInTheStore() {
        Oidc.Response staff = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type", "password",
                        "client_id", Oidc.CLINIC,
                        "client_secret", Oidc.CLINIC_SECRET,
                        "username", "clerk01",
                        "password", "sandbox-clerk01"));
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        String sid = Oidc.claims(staff.json().get("access_token").asText())
                .get("sid")
                .asText();
        long before = Instant.now().getEpochSecond();

        assertThat(oidc.adminDelete("/sessions/" + sid)).isEqualTo(204);

        assertEndedNow(sid, before);
    }

    @Test
    void administratorSigningOutAllOfAUsersSessionsEndsEachInTheStore() {
        String user = newStaffUser();
        String first = passwordLoginSid(user);
        String second = passwordLoginSid(user);
        long before = Instant.now().getEpochSecond();

        assertThat(oidc.adminPost("/users/" + userId(user) + "/logout", "{}")).isEqualTo(204);

        assertEndedNow(first, before);
        assertEndedNow(second, before);
    }

    @Test
    void deletingAUserEndsTheirSessionsInTheStore() {
        String user = newStaffUser();
        String sid = passwordLoginSid(user);
        long before = Instant.now().getEpochSecond();

        assertThat(oidc.adminDelete("/users/" + userId(user))).isEqualTo(204);

        assertEndedNow(sid, before);
    }

    @Test
    void clientCredentialsTokensHaveNoSessionToEnd() {
        JsonNode client =
                Oidc.claims(oidc.clientCredentials().json().get("access_token").asText());

        assertThat(client.has("sid")).isFalse();
    }

    /** A user of this test only, so that signing out all of their sessions touches no other test's session. */
    private static String newStaffUser() {
        String username = "logout-it-" + System.nanoTime();
        int created = oidc.adminPost(
                "/users",
                "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"Test\",\"lastName\":\"Logout\","
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"sandbox-" + username
                        + "\",\"temporary\":false}]}");
        assertThat(created).isEqualTo(201);
        return username;
    }

    private static String userId(String username) {
        return oidc.adminGet("/users?exact=true&username=" + username)
                .get(0)
                .get("id")
                .asText();
    }

    private static String passwordLoginSid(String username) {
        Oidc.Response login = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        Oidc.CLINIC,
                        "client_secret",
                        Oidc.CLINIC_SECRET,
                        "username",
                        username,
                        "password",
                        "sandbox-" + username));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return Oidc.claims(login.json().get("access_token").asText()).get("sid").asText();
    }

    private static void assertEndedNow(String sid, long before) {
        String value = redis.get(key(sid));
        assertThat(value).as("ended-session key of the logged-out session").isNotNull();
        assertThat(Long.parseLong(value)).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(redis.ttl(key(sid)))
                .isGreaterThan(REALM_SSO_MAX_LIFESPAN - 60)
                .isLessThanOrEqualTo(REALM_SSO_MAX_LIFESPAN + CLOCK_SKEW);
    }

    private static String key(String sid) {
        return KeycloakServer.LOGOUT_KEY_PREFIX + "revoked-sid:" + sid;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
