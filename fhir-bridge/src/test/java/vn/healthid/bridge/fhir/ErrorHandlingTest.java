package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

class ErrorHandlingTest extends BridgeIntegrationTest {

    private static final String NUMBER = "079090002222";

    private String clinic() {
        return ISSUER.token()
                .scope("system/Patient.rs system/Observation.cruds")
                .sign();
    }

    private static void assertOutcome(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(errorCode(response)).isEqualTo(code);
    }

    private HttpResponse<String> postObservation(String body, String contentType) {
        return send(request("/fhir/Observation", clinic())
                .header("Content-Type", contentType)
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void malformedJsonBodyIsBadRequest() {
        assertOutcome(
                postObservation("{\"resourceType\": \"Observation\", ", "application/fhir+json"),
                400,
                "BODY_MALFORMED");
    }

    @Test
    void malformedXmlBodyIsBadRequest() {
        assertOutcome(
                postObservation("<Observation xmlns=\"http://hl7.org/fhir\"><status", "application/fhir+xml"),
                400,
                "BODY_MALFORMED");
    }

    @Test
    void unknownResourceTypeIsBadRequest() {
        assertOutcome(get("/fhir/Spaceship/1", clinic()), 400, "RESOURCE_TYPE_UNKNOWN");
    }

    @Test
    void unknownSearchParameterIsRejectedNotIgnored() {
        assertOutcome(get("/fhir/Patient?name=Nguyen", clinic()), 400, "PARAMETER_UNSUPPORTED");
    }

    @Test
    void includeIsRejected() {
        assertOutcome(
                get("/fhir/Observation?patient=p1&_include=Observation:subject", clinic()),
                400,
                "PARAMETER_UNSUPPORTED");
    }

    @Test
    void revincludeIsRejected() {
        assertOutcome(
                get("/fhir/Patient?_id=p1&_revinclude=Observation:subject", clinic()), 400, "PARAMETER_UNSUPPORTED");
    }

    @Test
    void hasIsRejected() {
        assertOutcome(get("/fhir/Patient?_has:Observation:subject:code=1234", clinic()), 400, "PARAMETER_UNSUPPORTED");
    }

    @Test
    void chainedParameterIsRejected() {
        assertOutcome(
                get("/fhir/Observation?patient.identifier=urn:vn:cccd%7C1", clinic()), 400, "PARAMETER_UNSUPPORTED");
    }

    @Test
    void summaryCountIsRejected() {
        assertOutcome(get("/fhir/Patient?_id=p1&_summary=count", clinic()), 400, "PARAMETER_UNSUPPORTED");
    }

    @Test
    void historyIsMethodNotAllowed() {
        assertOutcome(
                get("/fhir/Patient/" + TokenBuilder.patientIdOf(NUMBER) + "/_history", clinic()),
                405,
                "INTERACTION_UNSUPPORTED");
    }

    @Test
    void deleteOfPatientIsMethodNotAllowed() {
        assertOutcome(send(request("/fhir/Patient/p1", clinic()).DELETE()), 405, "INTERACTION_UNSUPPORTED");
    }

    @Test
    void transactionAtTheRootIsMethodNotAllowed() {
        assertOutcome(
                send(request("/fhir", clinic())
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}"))),
                405,
                "INTERACTION_UNSUPPORTED");
    }

    @Test
    void nonFhirAcceptIsNotAcceptable() {
        assertOutcome(
                send(request("/fhir/Patient/p1", clinic())
                        .header("Accept", "text/html")
                        .GET()),
                406,
                "NOT_ACCEPTABLE");
    }

    @Test
    void nonFhirBodyIsUnsupportedMediaType() {
        assertOutcome(postObservation("status=final", "text/plain"), 415, "MEDIA_TYPE_UNSUPPORTED");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        String big =
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"comment\":\"" + "x".repeat(300_000) + "\"}";
        assertOutcome(postObservation(big, "application/fhir+json"), 413, "BODY_TOO_LARGE");
    }

    @Test
    void readOfUnknownObservationIsNotFound() {
        assertOutcome(get("/fhir/Observation/nothing-here", clinic()), 404, "NOT_FOUND");
    }

    @Test
    void xmlClientsGetXmlOutcomes() {
        HttpResponse<String> response = send(request("/fhir/Spaceship/1", clinic())
                .header("Accept", "application/fhir+xml")
                .GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("<OperationOutcome").contains("RESOURCE_TYPE_UNKNOWN");
    }
}
