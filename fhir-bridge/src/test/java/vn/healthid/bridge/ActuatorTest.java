package vn.healthid.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;

class ActuatorTest extends BridgeIntegrationTest {

    @Test
    void readinessIsUpWhenStoreAndJwksAnswer() {
        HttpResponse<String> response = get("/actuator/health/readiness", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void livenessIsUp() {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequestsButNotPerFilterSecurityObservations() {
        get("/fhir/metadata", null);
        HttpResponse<String> response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("jvm_threads")
                .contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_")
                .doesNotContain("http_server_requests_active");
    }

    @Test
    void otherPathsAreDenied() {
        assertThat(get("/actuator/env", null).statusCode()).isIn(401, 403);
    }
}
