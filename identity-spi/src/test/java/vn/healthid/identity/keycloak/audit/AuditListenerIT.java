package vn.healthid.identity.keycloak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/**
 * Chip logins on the real Keycloak reach the audit stream. The listener runs with its defaults
 * (Redis on 127.0.0.1:6379, stream {@code healthid:stream:audit}); the test enables it on the
 * health realm through the admin API, as an operator would.
 */
class AuditListenerIT {

    private static final String STREAM =
            System.getProperty("healthid.audit.stream-key", AuditListenerConfig.DEFAULT_STREAM_KEY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer server;
    private static Oidc oidc;
    private static RedisClient redis;

    @BeforeAll
    static void enableListener() throws Exception {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
        redis = RedisClient.create("redis://127.0.0.1:6379");
        ObjectNode config = (ObjectNode) oidc.adminGet("/events/config");
        ArrayNode listeners = (ArrayNode) config.get("eventsListeners");
        if (!listeners.toString().contains(AuditEventListenerFactory.ID)) {
            listeners.add(AuditEventListenerFactory.ID);
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/health/events/config"))
                                .header("Authorization", "Bearer " + adminToken())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Test
    void chipLoginAtClinicReachesTheSharedAndTheCitizensStream() throws Exception {
        String marker = lastId(STREAM);
        Citizen citizen = server.cards().freshCitizen();
        Card card = server.cards().issue(citizen, CardSpec.defaults());

        Oidc.Response login = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String patientId = Oidc.claims(login.json().get("access_token").asText())
                .get("fhirUser")
                .asText()
                .substring("Patient/".length());
        Map<String, String> entry = await(STREAM, marker, "LOGIN", patientId);
        assertThat(entry)
                .containsEntry("v", "1")
                .containsEntry("source", "keycloak")
                .containsEntry("type", "login")
                .containsEntry("outcome", "0")
                .containsEntry("client", Oidc.CLINIC)
                .containsEntry("user", "Patient/" + patientId);
        assertThat(redis.xrange(STREAM + ":patient:" + patientId, "-", "+"))
                .anySatisfy(own -> assertThat(own.getFields()).containsEntry("subtype", "LOGIN"));
        assertThat(redis.xrange(STREAM, marker, "+").toString()).doesNotContain(citizen.number());
    }

    @Test
    void rejectedChipIsALoginErrorWithItsReasonAndNoCardNumber() throws Exception {
        String marker = lastId(STREAM);
        Citizen citizen = server.cards().freshCitizen();
        Card card = server.cards().issue(citizen, CardSpec.defaults().withFault(CardFault.BAD_SOD_SIGNATURE));

        Oidc.Response login = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));

        assertThat(login.status()).isNotEqualTo(200);
        Map<String, String> entry = await(STREAM, marker, "LOGIN_ERROR", null);
        assertThat(entry)
                .containsEntry("outcome", "4")
                .containsEntry("client", Oidc.CLINIC)
                .containsKey("code");
        assertThat(redis.xrange(STREAM, marker, "+").toString())
                .doesNotContain(citizen.number())
                .doesNotContain(citizen.number().substring(0, 4) + "******");
    }

    /** Waits for the listener's entry (Keycloak sends events after the response may have left). */
    private static Map<String, String> await(String stream, String after, String subtype, String patientId)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<StreamEntry> entries = redis.xrange(stream, after, "+");
            for (StreamEntry entry : entries) {
                Map<String, String> fields = entry.getFields();
                if (subtype.equals(fields.get("subtype"))
                        && Oidc.CLINIC.equals(fields.get("client"))
                        && (patientId == null || patientId.equals(fields.get("patient")))) {
                    return fields;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + subtype + " entry in " + stream + " after " + after);
    }

    private static String lastId(String stream) {
        List<StreamEntry> last = redis.xrevrange(stream, "+", "-", 1);
        return last.isEmpty() ? "0-0" : "(" + last.getFirst().getID();
    }

    private static String adminToken() throws IOException {
        return oidc.postForm(
                        server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                KeycloakServer.ADMIN_USER,
                                "password",
                                KeycloakServer.ADMIN_PASSWORD))
                .json()
                .get("access_token")
                .asText();
    }
}
