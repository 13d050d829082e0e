package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import vn.healthid.bridge.BridgeApplication;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * A logout in Keycloak ends the session's tokens on every bridge replica (issue 14 item 16): two
 * bridges sharing the real Redis accept a token, the session's key is written as the Keycloak
 * extension writes it (docs/sessions.md), and both refuse the token from then on.
 */
class EndedSessionAcrossReplicasIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String NUMBER = "079090002222";
    private static final String PREFIX = "bridgesessions-test-" + UUID.randomUUID() + ":";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static JedisPooled redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoReplicas() {
        redis = new JedisPooled(new HostAndPort("127.0.0.1", 6379));
        first = replica();
        second = replica();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        ScanParams mine = new ScanParams().match(PREFIX + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, mine);
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    @Test
    void logoutRecordedInTheStoreEndsTheSessionOnEveryReplica() {
        String sid = UUID.randomUUID().toString();
        String token = token(sid);
        assertThat(readOwn(first, token).statusCode()).isEqualTo(200);
        assertThat(readOwn(second, token).statusCode()).isEqualTo(200);

        // what the extension writes on LOGOUT (identity-spi keycloak.logout, docs/sessions.md)
        redis.set(PREFIX + "revoked-sid:" + sid, "LOGOUT", SetParams.setParams().ex(300));

        for (ConfigurableApplicationContext replica : List.of(first, second)) {
            HttpResponse<String> refused = readOwn(replica, token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("TOKEN_SESSION_ENDED");
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value)
                            .contains("error=\"invalid_token\"")
                            .contains("TOKEN_SESSION_ENDED"));
        }
    }

    @Test
    void otherSessionsOfTheSameCitizenAreStillServed() {
        String ended = UUID.randomUUID().toString();
        String other = token(UUID.randomUUID().toString());
        redis.set(
                PREFIX + "revoked-sid:" + ended, "LOGOUT", SetParams.setParams().ex(300));

        assertThat(readOwn(first, token(ended)).statusCode()).isEqualTo(401);
        assertThat(readOwn(first, other).statusCode()).isEqualTo(200);
        assertThat(readOwn(second, other).statusCode()).isEqualTo(200);
    }

    private static String token(String sid) {
        return ISSUER.token()
                .citizen(NUMBER)
                .scope("openid patient/Patient.rs")
                .claim("sid", sid)
                .sign();
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(BridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--healthid.security.issuer=" + ISSUER.issuer(),
                        "--healthid.store.redis-url=redis://127.0.0.1:6379",
                        "--healthid.store.key-prefix=" + PREFIX);
    }

    private static HttpResponse<String> readOwn(ConfigurableApplicationContext replica, String token) {
        String port = replica.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/fhir/Patient/" + TokenBuilder.patientIdOf(NUMBER)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json")
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
