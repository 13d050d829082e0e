package vn.healthid.bridge.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.healthid.bridge.audit.AuditProperties;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Person;

/**
 * A clinic's own system token, without the citizen's chip-present token, under the citizen's
 * Consent: coverage lookups (purpose HPAYMT) and Patient reads (purpose TREAT), through the real
 * servlet with signed tokens and the gateway stand-in.
 */
class ClinicAccessUnderConsentTest extends BridgeIntegrationTest {

    static final GatewayStandIn GATEWAY = GatewayStandIn.start(0);
    static final String CLINIC = "clinic-reception";

    @Autowired
    private ConsentRepository consents;

    @Autowired
    private EventStream streams;

    @Autowired
    private AuditProperties audit;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("healthid.gateway.base-url", GATEWAY::baseUrl);
        registry.add("healthid.gateway.username", () -> GATEWAY.credentials().username());
        registry.add("healthid.gateway.password", () -> GATEWAY.credentials().password());
        registry.add("healthid.gateway.request-timeout", () -> "3s");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void clinicWithPaymentConsentGetsTheEligibilityAnswerWithoutTheCitizensToken() {
        Person p = GATEWAY.population().person("valid");
        registerAndGrant(p, "HPAYMT");

        HttpResponse<String> r = eligibility(p, clinicToken("system/CoverageEligibilityRequest.c"), clerkToken());

        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        CoverageEligibilityResponse answer =
                FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, r.body());
        assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(answer.getInsuranceFirstRep().getInforce()).isTrue();
    }

    @Test
    void treatmentHistoryNeedsATreatmentConsentNotAPaymentOne() {
        // A clinic of its own: its TREAT consent must not open the other tests' "valid" Patient to CLINIC.
        String other = "clinic-history";
        Person p = GATEWAY.population().person("valid");
        registerAndGrant(p, other, "HPAYMT");
        String clinic =
                ISSUER.token().claim("azp", other).scope("system/Encounter.rs").sign();

        HttpResponse<String> refused = history(p, clinic, other);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(coverageCode(refused)).isEqualTo("COVERAGE_CONSENT_REQUIRED");
        assertThat(refused.body()).contains("TREAT consent");

        registerAndGrant(p, other, "TREAT");
        HttpResponse<String> granted = history(p, clinic, other);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(FHIR.newJsonParser()
                        .parseResource(Bundle.class, granted.body())
                        .getEntry())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getResource()).isInstanceOf(Encounter.class));
    }

    @Test
    void clinicWithoutConsentIsRefusedCoverage() {
        Person p = GATEWAY.population().person("army");
        citizenReadsOwnRecord(p);

        HttpResponse<String> r = eligibility(p, clinicToken("system/CoverageEligibilityRequest.c"), clerkToken());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_CONSENT_REQUIRED");
    }

    @Test
    void revokedConsentNoLongerGrantsCoverage() {
        Person p = GATEWAY.population().person("police");
        Consent granted = registerAndGrant(p, "HPAYMT");
        granted.setStatus(Consent.ConsentState.INACTIVE);
        HttpResponse<String> revoked =
                send(request("/fhir/Consent/" + granted.getIdElement().getIdPart(), citizen(p))
                        .header("Content-Type", "application/fhir+json")
                        .PUT(HttpRequest.BodyPublishers.ofString(Consents.json(granted))));

        HttpResponse<String> r = eligibility(p, clinicToken("system/CoverageEligibilityRequest.c"), clerkToken());

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_CONSENT_REQUIRED");
    }

    @Test
    void expiredConsentNoLongerGrantsCoverage() {
        Person p = GATEWAY.population().person("expired");
        citizenReadsOwnRecord(p);
        // Stored as it was granted ten days ago for a week: the validator only refuses new past grants.
        consents.create(
                patientId(p),
                Consents.grant(CLINIC, "HPAYMT", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3))));

        HttpResponse<String> r = eligibility(p, clinicToken("system/CoverageEligibilityRequest.c"), clerkToken());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_CONSENT_REQUIRED");
    }

    @Test
    void clinicReadsAConsentedPatientAndTheReadIsAudited() {
        Person p = GATEWAY.population().person("renewed-old-valid");
        registerAndGrant(p, "TREAT");
        int before = auditEntriesOf(p);

        HttpResponse<String> read = get("/fhir/Patient/" + patientId(p), clinicToken("system/Patient.rs"));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(auditEntriesOf(p)).isEqualTo(before + 1);
    }

    @Test
    void clinicCannotReadOrFindAPatientWithoutConsentAndTheRefusalIsAudited() {
        Person p = GATEWAY.population().person("valid");
        citizenReadsOwnRecord(p);
        String unconsented = GATEWAY.population().person("army").cccd();
        citizenReadsOwnRecord(GATEWAY.population().person("army"));
        int before = auditEntriesOf(p);

        HttpResponse<String> read = get("/fhir/Patient/" + patientId(p), clinicToken("system/Patient.rs"));
        HttpResponse<String> found =
                get("/fhir/Patient?_id=" + TokenBuilder.patientIdOf(unconsented), clinicToken("system/Patient.rs"));

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(errorCode(read)).isEqualTo("CONSENT_REQUIRED");
        // a search answers as for nobody found (no existence oracle); the read is refused
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(FHIR.newJsonParser()
                        .parseResource(Bundle.class, found.body())
                        .getEntry())
                .isEmpty();
        assertThat(auditEntriesOf(p)).isEqualTo(before + 1);
    }

    @Test
    void chipPresentTokenStillReadsThePatientWithoutConsent() {
        Person p = GATEWAY.population().person("police");
        String chipPresent = ISSUER.token()
                .citizen(p.cccd())
                .claim("act", java.util.Map.of("client_id", CLINIC))
                .scope("patient/Patient.rs")
                .sign();

        HttpResponse<String> read = get("/fhir/Patient/" + patientId(p), chipPresent);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    private Consent registerAndGrant(Person p, String purpose) {
        return registerAndGrant(p, CLINIC, purpose);
    }

    private Consent registerAndGrant(Person p, String client, String purpose) {
        citizenReadsOwnRecord(p);
        HttpResponse<String> created = send(request("/fhir/Consent", citizen(p))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Consents.json(
                        Consents.grant(client, purpose, now.minusSeconds(60), now.plus(Duration.ofDays(30)))))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return FHIR.newJsonParser().parseResource(Consent.class, created.body());
    }

    /** The citizen's first visit stores their Patient from the verified claims. */
    private void citizenReadsOwnRecord(Person p) {
        HttpResponse<String> read = get("/fhir/Patient/" + patientId(p), citizen(p));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    private int auditEntriesOf(Person p) {
        return streams.read(audit.patientStream(patientId(p)), null, 1000).size();
    }

    private static String patientId(Person p) {
        return TokenBuilder.patientIdOf(p.cccd());
    }

    private static String citizen(Person p) {
        int space = p.hoTen().indexOf(' ');
        return ISSUER.token()
                .citizen(p.cccd())
                .claim("name", p.hoTen())
                .claim("family_name", p.hoTen().substring(0, space))
                .claim("given_name", p.hoTen().substring(space + 1))
                .claim("birthdate", StandIns.birthDate(p).toString())
                .scope("openid patient/Patient.rs patient/Consent.cruds")
                .sign();
    }

    private static String clinicToken(String scope) {
        return ISSUER.token().claim("azp", CLINIC).scope(scope).sign();
    }

    private static String clerkToken() {
        return clerkToken(CLINIC);
    }

    private static String clerkToken(String client) {
        return ISSUER.token()
                .claim("azp", client)
                .claim("name", StandIns.CLERK.name())
                .claim("national_id", StandIns.CLERK.nationalId())
                .scope("user/CoverageEligibilityRequest.c")
                .sign();
    }

    private HttpResponse<String> eligibility(Person p, String token, String clerk) {
        CoverageEligibilityRequest body = new CoverageEligibilityRequest();
        body.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        body.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        body.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
        body.setPatient(new Reference("Patient/" + patientId(p)));
        body.setProvider(new Reference()
                .setIdentifier(
                        new Identifier().setSystem(CoverageFhir.BHYT_FACILITY).setValue("79071")));
        body.setInsurer(new Reference()
                .setIdentifier(new Identifier().setSystem(CoverageFhir.PAYOR).setValue("VSS")));
        return send(request("/fhir/CoverageEligibilityRequest/$submit", token)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header("X-Staff-Token", clerk)
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser()
                        .encodeResourceToString(new org.hl7.fhir.r4.model.Parameters()
                                .addParameter(new org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent()
                                        .setName("resource")
                                        .setResource(body))))));
    }

    private HttpResponse<String> history(Person p, String token, String client) {
        return send(request("/fhir/Patient/" + patientId(p) + "/$bhyt-history", token)
                .header("Accept", "application/fhir+json")
                .header("X-Staff-Token", clerkToken(client))
                .GET());
    }

    private static String coverageCode(HttpResponse<String> r) {
        OperationOutcome oo = FHIR.newJsonParser().parseResource(OperationOutcome.class, r.body());
        List<String> codes = oo.getIssueFirstRep().getDetails().getCoding().stream()
                .filter(c -> CoverageError.SYSTEM.equals(c.getSystem()))
                .map(c -> c.getCode())
                .toList();
        return codes.isEmpty() ? null : codes.getFirst();
    }
}
