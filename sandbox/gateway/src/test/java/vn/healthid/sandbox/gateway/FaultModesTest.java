package vn.healthid.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultModesTest {

    static GatewayStandIn gateway;
    TestClient client;
    Person valid;

    @BeforeAll
    static void start() {
        gateway = GatewayStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void login() throws Exception {
        gateway.faults().reset();
        client = new TestClient(gateway);
        client.login();
        valid = gateway.population().person("valid");
    }

    @Test
    void serverErrorModeAnswers500WithHtml() throws Exception {
        gateway.faults().mode(FaultMode.SERVER_ERROR);
        var response = client.check(Map.of("maThe", valid.cardCode()));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<html>");
    }

    @Test
    void malformedModeAnswersTruncatedJson() throws Exception {
        gateway.faults().mode(FaultMode.MALFORMED_JSON);
        var response = client.check(Map.of("maThe", valid.cardCode()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.mapper.readValue(response.body(), Map.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void resetModeDropsTheConnection() {
        gateway.faults().mode(FaultMode.CONNECTION_RESET);
        assertThatThrownBy(() -> client.check(Map.of("maThe", valid.cardCode())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void latencyOutlastsAShortClientTimeout() {
        gateway.faults().latency(Duration.ofSeconds(2));
        var request = HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + GatewayStandIn.CARD_CHECK_PATH + client.tokenQuery()))
                .timeout(Duration.ofMillis(100))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        assertThatThrownBy(() -> client.http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void tokensExpireAfterTheirLifetime() throws Exception {
        gateway.tokenTtl(Duration.ZERO);
        try {
            client.login();
            var json = client.check(Map.of("maThe", valid.cardCode()));
            assertThat(json.statusCode()).isEqualTo(401);
        } finally {
            gateway.tokenTtl(GatewayStandIn.DEFAULT_TOKEN_TTL);
        }
    }

    @Test
    void faultsSpareTheTokenEndpointUnlessAsked() throws Exception {
        gateway.faults().mode(FaultMode.SERVER_ERROR);
        var creds = gateway.credentials();
        assertThat(client.takeToken(creds.username(), creds.passwordMd5Hex()).statusCode())
                .isEqualTo(200);
        gateway.faults().includeTokenEndpoint(true);
        assertThat(client.takeToken(creds.username(), creds.passwordMd5Hex()).statusCode())
                .isEqualTo(500);
    }
}
