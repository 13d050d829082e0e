package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;

class AnswersAreSentWholeTest extends BridgeIntegrationTest {

    @Test
    void aResourceIsSentWithItsLengthNotInChunks() {
        assertSentWhole(get("/fhir/metadata", null), 200);
    }

    @Test
    void anErrorOutcomeIsSentWithItsLengthToo() {
        var clinic = ISSUER.token().scope("system/Patient.rs").sign();

        assertSentWhole(get("/fhir/Spaceship/1", clinic), 400);
        assertSentWhole(get("/fhir/Patient/p1", null), 401);
    }

    private static void assertSentWhole(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(response.body()).startsWith("{").contains("\"resourceType\"");
    }
}
