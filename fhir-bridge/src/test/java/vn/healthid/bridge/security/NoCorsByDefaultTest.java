package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;

/** Without configured origins the bridge sends no CORS header to anyone. */
class NoCorsByDefaultTest extends BridgeIntegrationTest {

    @Test
    void noOriginConfiguredMeansNoCorsHeaderEvenForTheSandboxAppsOrigin() {
        HttpResponse<String> preflight = send(request("/fhir/metadata", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8090")
                .header("Access-Control-Request-Method", "GET"));
        HttpResponse<String> get = send(request("/fhir/metadata", null)
                .header("Origin", "http://localhost:8090")
                .GET());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
