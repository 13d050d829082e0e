package vn.healthid.bridge.coverage.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.coverage.CoverageServletTest;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.coverage.fhir.ProfileValidator;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.FaultMode;
import vn.healthid.sandbox.gateway.Person;

/** {@code Patient/<id>/$bhyt-history} through the real servlet: real signed tokens, the stand-in gateway. */
class HistoryThroughServletTest extends CoverageServletTest {

    static final String SCOPE = "patient/Encounter.rs";

    HttpResponse<String> get(Person p, String token) {
        return send(request(path(p), token)
                .header("Accept", "application/fhir+json")
                .GET());
    }

    static String path(Person p) {
        return "/fhir/Patient/" + TokenBuilder.patientIdOf(p.cccd()) + "/$bhyt-history";
    }

    static Bundle bundle(HttpResponse<String> r) {
        return FHIR.newJsonParser().parseResource(Bundle.class, r.body());
    }

    static OperationOutcome.OperationOutcomeIssueComponent issue(HttpResponse<String> r) {
        return FHIR.newJsonParser()
                .parseResource(OperationOutcome.class, r.body())
                .getIssueFirstRep();
    }

    /** The gateway's maKetQua as the eligibility check codes it. */
    static String resultCode(HttpResponse<String> r) {
        return issue(r).getDetails().getCoding().stream()
                .filter(c -> CoverageFhir.CS_RESULT.equals(c.getSystem()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
    }

    @Test
    void citizenGetsTheirOwnTreatmentHistoryAsProfiledEncounters() {
        var p = GATEWAY.population().person("valid");
        var r = get(p, citizenToken(p, SCOPE));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var bundle = bundle(r);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).hasSize(2);
        var sore = (Encounter) bundle.getEntry().get(0).getResource();
        var pneumonia = (Encounter) bundle.getEntry().get(1).getResource();
        // Gateway times are Vietnam local (UTC+7).
        assertThat(sore.getPeriod().getStart().toInstant()).isEqualTo(Instant.parse("2026-03-10T11:30:00Z"));
        assertThat(sore.getPeriod().getEnd().toInstant()).isEqualTo(Instant.parse("2026-03-10T13:15:00Z"));
        assertThat(sore.getServiceProvider().getIdentifier().getValue()).isEqualTo("79071");
        assertThat(sore.getReasonCodeFirstRep().getText()).isEqualTo("Viêm họng cấp");
        assertThat(sore.getClass_().getCode()).isEqualTo("AMB");
        assertThat(pneumonia.getPeriod().getStart().toInstant()).isEqualTo(Instant.parse("2026-07-02T01:00:00Z"));
        assertThat(pneumonia.getPeriod().getEnd().toInstant()).isEqualTo(Instant.parse("2026-07-05T03:00:00Z"));
        assertThat(pneumonia.getServiceProvider().getIdentifier().getValue()).isEqualTo("79024");
        assertThat(pneumonia.getReasonCodeFirstRep().getText()).isEqualTo("Viêm phổi");
        assertThat(pneumonia.getClass_().getCode()).isEqualTo("IMP");
        assertThat(pneumonia.getSubject().getReference()).isEqualTo("Patient/" + TokenBuilder.patientIdOf(p.cccd()));
        var validator = new ProfileValidator();
        assertThat(validator.errors(bundle)).as(validator.json(bundle)).isEmpty();
    }

    @Test
    void clinicWithChipPresentAndClerkTokensGetsTheHistory() {
        var p = GATEWAY.population().person("valid");
        var r = send(request(path(p), chipPresentToken(p, SCOPE))
                .header("X-Staff-Token", clerkToken())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(bundle(r).getEntry())
                .extracting(e ->
                        ((Encounter) e.getResource()).getIdentifierFirstRep().getValue())
                .containsExactly("HS0000000101", "HS0000000102");
    }

    @Test
    void nobodyElseGetsTheHistory() {
        var p = GATEWAY.population().person("valid");
        var clinicAlone =
                ISSUER.token().claim("azp", CLINIC).scope("system/Encounter.rs").sign();
        var r = send(request(path(p), clinicAlone)
                .header("X-Staff-Token", clerkToken())
                .GET());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(coverageCode(r.body())).isEqualTo("COVERAGE_CONSENT_REQUIRED");

        var other = GATEWAY.population().person("army");
        var another = get(p, citizenToken(other, SCOPE));
        assertThat(another.statusCode()).isEqualTo(403);
        assertThat(errorCode(another)).isEqualTo("PATIENT_COMPARTMENT");

        var coverageOnly = get(p, citizenToken(p, "patient/Coverage.rs"));
        assertThat(coverageOnly.statusCode()).isEqualTo(403);
        assertThat(coverageCode(coverageOnly.body())).isEqualTo("COVERAGE_SCOPE_MISSING");
    }

    @Test
    void cardTheGatewayCannotMatchIsRefusedWithTheGatewaysCode() {
        var unknown = ISSUER.token().citizen("079099001234").scope(SCOPE).sign();
        var r = send(request("/fhir/Patient/" + TokenBuilder.patientIdOf("079099001234") + "/$bhyt-history", unknown)
                .GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(coverageCode(r.body())).isEqualTo("COVERAGE_NO_USABLE_CARD");
        assertThat(resultCode(r)).isEqualTo("050");

        var p = GATEWAY.population().person("valid");
        var wrongBirthDate = ISSUER.token()
                .citizen(p.cccd())
                .claim("family_name", familyName(p))
                .claim("given_name", givenName(p))
                .claim("birthdate", "1991-03-15")
                .scope(SCOPE)
                .sign();
        var mismatch = get(p, wrongBirthDate);
        assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(422);
        assertThat(coverageCode(mismatch.body())).isEqualTo("COVERAGE_IDENTITY_MISMATCH");
        assertThat(resultCode(mismatch)).isEqualTo("070");
    }

    @Test
    void filtersAreRefusedRatherThanIgnored() {
        var p = GATEWAY.population().person("valid");
        var r = send(
                request(path(p) + "?date=ge2026-07-01", citizenToken(p, SCOPE)).GET());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(coverageCode(r.body())).isEqualTo("COVERAGE_PARAMETER_UNSUPPORTED");
    }

    @Test
    void gatewayDownIsUnavailable() {
        GATEWAY.faults().mode(FaultMode.SERVER_ERROR);
        var p = GATEWAY.population().person("valid");
        var r = get(p, citizenToken(p, SCOPE));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(coverageCode(r.body())).isEqualTo("COVERAGE_GATEWAY_UNAVAILABLE");
        assertThat(issue(r).getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
    }

    @Test
    void gatewayTooSlowIsATimeout() {
        // Past the 3 s request timeout of this context.
        GATEWAY.faults().latency(Duration.ofMillis(3300));
        var p = GATEWAY.population().person("valid");
        var r = get(p, citizenToken(p, SCOPE));
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(coverageCode(r.body())).isEqualTo("COVERAGE_GATEWAY_TIMEOUT");
        assertThat(issue(r).getCode()).isEqualTo(OperationOutcome.IssueType.TIMEOUT);
    }
}
