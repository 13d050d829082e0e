package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * Patient A swapping in patient B's id, in every Patient-compartment search parameter of the test
 * Observation provider and in every reference form: refused before the search runs, so the answer
 * never depends on whether B has data (B here has none).
 */
class CompartmentSwapTest extends BridgeIntegrationTest {

    private static final String A = "079090006666";
    private static final String B = "001190007777";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "patient=Patient/{b}",
                "patient={b}",
                "patient=http://127.0.0.1/fhir/Patient/{b}",
            })
    void searchNamingAnotherPatientIsRefusedWhetherOrNotTheyHaveData(String query) {
        HttpResponse<String> response = search(query);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("PATIENT_COMPARTMENT");
    }

    /** Forms the provider does not declare (other compartment parameters, OR lists) never run. */
    @ParameterizedTest
    @ValueSource(strings = {"patient=Patient/{a},Patient/{b}", "subject=Patient/{b}", "performer=Patient/{b}"})
    void undeclaredFormsNamingAnotherPatientAreRejectedBeforeSearching(String query) {
        HttpResponse<String> response = search(query);

        assertThat(response.statusCode()).isIn(400, 403);
        assertThat(errorCode(response)).isIn("PARAMETER_UNSUPPORTED", "REQUEST_INVALID", "PATIENT_COMPARTMENT");
    }

    private HttpResponse<String> search(String query) {
        String token = ISSUER.token().citizen(A).scope("patient/Observation.rs").sign();
        String resolved = query.replace("{a}", TokenBuilder.patientIdOf(A)).replace("{b}", TokenBuilder.patientIdOf(B));
        int eq = resolved.indexOf('=');
        String encoded =
                resolved.substring(0, eq + 1) + URLEncoder.encode(resolved.substring(eq + 1), StandardCharsets.UTF_8);

        return get("/fhir/Observation?" + encoded, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/{a}", "{a}"})
    void searchOfOwnCompartmentIsAllowed(String reference) {
        String token = ISSUER.token().citizen(A).scope("patient/Observation.rs").sign();
        String value = reference.replace("{a}", TokenBuilder.patientIdOf(A));

        assertThat(get("/fhir/Observation?patient=" + URLEncoder.encode(value, StandardCharsets.UTF_8), token)
                        .statusCode())
                .isEqualTo(200);
    }
}
