package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;

/** CORS for configured SMART app origins only (docs/smart.md, CORS). */
@TestPropertySource(properties = "healthid.security.cors.allowed-origins=http://localhost:8090, http://localhost:8096")
class CorsTest extends BridgeIntegrationTest {

    private static final String APP = "http://localhost:8090";

    private HttpResponse<String> preflight(String path, String origin) {
        return send(request(path, null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    }

    @Test
    void anAllowedOriginsPreflightOnTheFhirBaseGetsTheCorsHeaders() {
        HttpResponse<String> response = preflight("/fhir/metadata", APP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("GET"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers.toLowerCase()).contains("authorization"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void anAllowedOriginsPreflightOnAResourceAndOnTheSmartConfigurationGetsTheCorsHeaders() {
        for (String path : new String[] {"/fhir/Patient/p1", "/.well-known/smart-configuration"}) {
            HttpResponse<String> response = preflight(path, "http://localhost:8096");

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .hasValue("http://localhost:8096");
        }
    }

    @Test
    void anAllowedOriginsActualRequestExposesTheStepUpAndLocationHeaders() {
        HttpResponse<String> response =
                send(request("/fhir/metadata", null).header("Origin", APP).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).contains("WWW-Authenticate", "Location"));
    }

    @Test
    void aForeignOriginsPreflightIsRefusedWithoutCorsHeaders() {
        HttpResponse<String> response = preflight("/fhir/metadata", "https://attacker.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aForeignOriginsActualRequestGetsNoCorsHeaders() {
        HttpResponse<String> response = send(request("/fhir/metadata", null)
                .header("Origin", "http://localhost:8091")
                .GET());

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aWildcardOrAPathIsNotAnOrigin() {
        for (String bad : new String[] {"*", "http://*.example", "http://localhost:8090/app", "localhost:8090"}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .as(bad)
                    .isThrownBy(() -> new CorsProperties(java.util.List.of(bad), java.time.Duration.ofMinutes(1)));
        }
    }
}
