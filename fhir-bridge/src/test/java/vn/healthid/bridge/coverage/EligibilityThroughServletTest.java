package vn.healthid.bridge.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.audit.AuditEventTranslator;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.FaultMode;
import vn.healthid.sandbox.gateway.Person;

/** The eligibility check through the real servlet: real signed tokens, the stand-in gateway. */
class EligibilityThroughServletTest extends CoverageServletTest {

    static String body(Person p, String facility) {
        var r = new CoverageEligibilityRequest();
        r.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
        r.setPatient(new Reference("Patient/" + TokenBuilder.patientIdOf(p.cccd())));
        r.setProvider(new Reference()
                .setIdentifier(
                        new Identifier().setSystem(CoverageFhir.BHYT_FACILITY).setValue(facility)));
        r.setInsurer(new Reference()
                .setIdentifier(new Identifier().setSystem(CoverageFhir.PAYOR).setValue("VSS")));
        return FHIR.newJsonParser()
                .encodeResourceToString(new org.hl7.fhir.r4.model.Parameters()
                        .addParameter(new org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent()
                                .setName("resource")
                                .setResource(r)));
    }

    HttpResponse<String> post(String body, String token, String clerk) {
        var request = request("/fhir/CoverageEligibilityRequest/$submit", token)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (clerk != null) {
            request.header("X-Staff-Token", clerk);
        }
        return send(request);
    }

    static CoverageEligibilityResponse response(HttpResponse<String> r) {
        return FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, r.body());
    }

    static String coverageCode(HttpResponse<String> r) {
        return coverageCode(r.body());
    }

    @Test
    void clinicWithChipPresentTokenGetsTheEligibilityAnswer() {
        var p = GATEWAY.population().person("valid");
        var r = post(body(p, "79071"), chipPresentToken(p), clerkToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var answer = response(r);
        assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(answer.getInsuranceFirstRep().getInforce()).isTrue();
        assertThat(answer.getDisposition()).startsWith("000: ");
    }

    @Test
    void hapisGenericClientSubmitsTheRequestAndGetsTheAnswerNamingIt() {
        var p = GATEWAY.population().person("valid");
        var request = FHIR.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Parameters.class, body(p, "79071"))
                .getParameterFirstRep()
                .getResource();
        ((CoverageEligibilityRequest) request)
                .addIdentifier()
                .setSystem("urn:clinic:visit")
                .setValue("visit-7");
        var client = client(chipPresentToken(p));
        client.registerInterceptor(new ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor(
                java.util.Map.of("X-Staff-Token", java.util.List.of(clerkToken()))));
        CoverageEligibilityResponse answer = client.operation()
                .onType(CoverageEligibilityRequest.class)
                .named("$submit")
                .withParameter(org.hl7.fhir.r4.model.Parameters.class, "resource", request)
                .returnResourceType(CoverageEligibilityResponse.class)
                .execute();
        assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(answer.getRequest().getIdentifier().getValue()).isEqualTo("visit-7");
        assertThat(answer.getMeta().getProfile())
                .anyMatch(profile -> profile.getValue().equals(CoverageFhir.PROFILE_ELIGIBILITY_RESPONSE));
        vn.healthid.bridge.testsupport.FhirValidation.assertValid(answer);
    }

    @Test
    void theRequestIsNotCreatedOnTheServerSoACreateIsNotServed() {
        var p = GATEWAY.population().person("valid");
        var bare = FHIR.newJsonParser()
                .encodeResourceToString(FHIR.newJsonParser()
                        .parseResource(org.hl7.fhir.r4.model.Parameters.class, body(p, "79071"))
                        .getParameterFirstRep()
                        .getResource());
        var r = send(request("/fhir/CoverageEligibilityRequest", chipPresentToken(p))
                .header("Content-Type", "application/fhir+json")
                .header("X-Staff-Token", clerkToken())
                .POST(HttpRequest.BodyPublishers.ofString(bare)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(405);
        assertThat(errorCode(r)).isEqualTo("INTERACTION_UNSUPPORTED");
        assertThat(r.body()).doesNotContain("CoverageEligibilityResponse");
    }

    @Test
    void citizenChecksTheirOwnCoverage() {
        var p = GATEWAY.population().person("expired");
        var token = citizenToken(p, "patient/CoverageEligibilityRequest.c");
        var r = post(body(p, "79071"), token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(response(r).getInsuranceFirstRep().getInforce()).isFalse();
    }

    @Test
    void clinicWithoutItsClerksTokenIsRefused() {
        var p = GATEWAY.population().person("valid");
        var r = post(body(p, "79071"), chipPresentToken(p), null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("STAFF_TOKEN_REQUIRED");
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_STAFF_IDENTITY_REQUIRED");
    }

    @Test
    void nobodyChecksAnotherPersonsCoverage() {
        var p = GATEWAY.population().person("valid");
        var other = GATEWAY.population().person("army");
        var r = post(body(other, "79071"), chipPresentToken(p), clerkToken());
        assertThat(r.statusCode()).isEqualTo(403);
        // refused by the compartment rules before the feature runs
        assertThat(errorCode(r)).isEqualTo("PATIENT_COMPARTMENT");
    }

    @Test
    void gatewayDownWithNothingCachedIsUnavailable() {
        GATEWAY.faults().mode(FaultMode.SERVER_ERROR);
        var p = GATEWAY.population().person("revoked");
        var r = post(body(p, "79071"), chipPresentToken(p), clerkToken());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_GATEWAY_UNAVAILABLE");
    }

    @Test
    void eachCoverageInteractionIncludingTheHistoryIsOneEntryOnThePatientsTrail() {
        var p = GATEWAY.population().person("valid");
        var patientId = TokenBuilder.patientIdOf(p.cccd());
        var trail = auditProperties.patientStream(patientId);
        int before = streams.read(trail, null, 10_000).size();

        assertThat(post(body(p, "79071"), chipPresentToken(p), clerkToken()).statusCode())
                .isEqualTo(200);
        var afterCheck = streams.read(trail, null, 10_000);
        assertThat(afterCheck).hasSize(before + 1);
        assertThat(afterCheck.getLast().fields())
                .containsEntry("subtype", "operation")
                .containsEntry("client", CLINIC)
                .containsEntry("outcome", "0")
                .containsEntry("patient", patientId);
        assertThat(afterCheck.getLast().fields().get("entity")).startsWith("CoverageEligibility");

        var citizen = citizenToken(p, "patient/Coverage.rs patient/Encounter.rs");
        var r = send(request("/fhir/Coverage?patient=Patient/" + patientId, citizen)
                .header("Accept", "application/fhir+json")
                .GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var afterSearch = streams.read(trail, null, 10_000);
        assertThat(afterSearch).hasSize(before + 2);
        assertThat(afterSearch.getLast().fields())
                .containsEntry("subtype", "search-type")
                .containsEntry("entity", "Coverage");

        var history = send(request("/fhir/Patient/" + patientId + "/$bhyt-history", citizen)
                .header("Accept", "application/fhir+json")
                .GET());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        var afterHistory = streams.read(trail, null, 10_000);
        assertThat(afterHistory).hasSize(before + 3);
        assertThat(afterHistory.getLast().fields())
                .containsEntry("subtype", "operation")
                .containsEntry("action", "E")
                .containsEntry("outcome", "0")
                .containsEntry("entity", "Patient/" + patientId)
                .containsEntry("patient", patientId);
        assertThat(afterHistory.toString()).doesNotContain(p.cccd());
    }

    /** A clerk's token as the realm issues it for clerk01 (FhirUserMapper: Practitioner/<practitioner_id>). */
    static final String CLERK_NUMBER = "079190000101";

    static String namedClerkToken(String client) {
        return ISSUER.token()
                .claim("azp", client)
                .claim("fhirUser", "Practitioner/clerk01")
                .claim("name", "Lan Nguyễn Thị")
                .claim("family_name", "Nguyễn Thị")
                .claim("given_name", "Lan")
                .claim("national_id", CLERK_NUMBER)
                .scope("openid")
                .sign();
    }

    private java.util.Map<String, String> lastOnTrail(Person p) {
        return streams.read(auditProperties.patientStream(TokenBuilder.patientIdOf(p.cccd())), null, 10_000)
                .getLast()
                .fields();
    }

    @Test
    void receptionCheckWithTheClerksTokenNamesTheClerkInTheCitizensTrail() {
        var p = GATEWAY.population().person("valid");

        var r = post(body(p, "79071"), chipPresentToken(p), namedClerkToken(CLINIC));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var trail = streams.read(auditProperties.patientStream(TokenBuilder.patientIdOf(p.cccd())), null, 10_000);
        assertThat(trail.getLast().fields())
                .containsEntry("subtype", "operation")
                .containsEntry("client", CLINIC)
                .containsEntry("staff", "Practitioner/clerk01")
                .containsEntry("staff_name", "Nguyễn Thị Lan");
        assertThat(trail.toString()).doesNotContain(CLERK_NUMBER).doesNotContain(p.cccd());

        var listed = get("/fhir/AuditEvent?_count=1", citizenToken(p, "patient/AuditEvent.rs"));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(CLERK_NUMBER).doesNotContain(p.cccd());
        var bundle = FHIR.newJsonParser().parseResource(Bundle.class, listed.body());
        var check = (org.hl7.fhir.r4.model.AuditEvent) bundle.getEntryFirstRep().getResource();
        var clerks = check.getAgent().stream()
                .filter(a -> a.getType().hasCoding(AuditEventTranslator.SECURITY_ROLE_SYSTEM, "humanuser"))
                .toList();
        assertThat(clerks).hasSize(1);
        assertThat(clerks.getFirst().getRequestor()).isTrue();
        assertThat(clerks.getFirst().getWho().getReference()).isEqualTo("Practitioner/clerk01");
        assertThat(clerks.getFirst().getWho().getDisplay()).isEqualTo("Nguyễn Thị Lan");
        assertThat(check.getAgent()).filteredOn(a -> a.getRequestor()).hasSize(1);
        vn.healthid.bridge.testsupport.FhirValidation.assertValid(bundle);
    }

    @Test
    void aClerkWithoutFhirUserIsNamedByTheirSubject() {
        var p = GATEWAY.population().person("valid");
        var subject = java.util.UUID.randomUUID().toString();
        var clerk = ISSUER.token()
                .claim("sub", subject)
                .claim("azp", CLINIC)
                .claim("name", StandIns.CLERK.name())
                .claim("national_id", StandIns.CLERK.nationalId())
                .sign();

        assertThat(post(body(p, "79071"), chipPresentToken(p), clerk).statusCode())
                .isEqualTo(200);

        assertThat(lastOnTrail(p)).containsEntry("staff", subject).containsEntry("staff_name", StandIns.CLERK.name());
        assertThat(lastOnTrail(p).toString()).doesNotContain(StandIns.CLERK.nationalId());
    }

    @Test
    void withoutAClerksTokenNoClerkIsNamed() {
        var p = GATEWAY.population().person("valid");

        assertThat(post(body(p, "79071"), chipPresentToken(p), null).statusCode())
                .isEqualTo(403);
        var refused = lastOnTrail(p);
        var own = post(body(p, "79071"), citizenToken(p, "patient/CoverageEligibilityRequest.c"), null);

        assertThat(refused)
                .containsEntry("outcome", "4")
                .containsEntry("code", "STAFF_TOKEN_REQUIRED")
                .doesNotContainKeys("staff", "staff_name");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(lastOnTrail(p)).containsEntry("outcome", "0").doesNotContainKeys("staff", "staff_name");
    }

    @Test
    void aForgedClerksTokenIsRefusedAndNamesNobody() {
        var p = GATEWAY.population().person("valid");
        var forged = ISSUER.token()
                .claim("azp", CLINIC)
                .claim("fhirUser", "Practitioner/clerk01")
                .claim("name", "Kẻ Mạo Danh")
                .claim("national_id", CLERK_NUMBER)
                .signedWith(ISSUER.unpublishedKey())
                .sign();

        var r = post(body(p, "79071"), chipPresentToken(p), forged);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(coverageCode(r)).isEqualTo("COVERAGE_STAFF_TOKEN_INVALID");
        assertThat(lastOnTrail(p))
                .containsEntry("outcome", "4")
                .containsEntry("code", "STAFF_TOKEN_INVALID")
                .doesNotContainKeys("staff", "staff_name");
    }

    @Test
    void anotherClinicsClerkOrACitizensOwnTokenIsNotNamedAsTheClerk() {
        var p = GATEWAY.population().person("valid");
        var citizenAsClerk = citizenToken(GATEWAY.population().person("army"), "openid");

        var otherClinic = post(body(p, "79071"), chipPresentToken(p), namedClerkToken("clinic-elsewhere"));
        var otherClinicEntry = lastOnTrail(p);
        var citizen = post(body(p, "79071"), chipPresentToken(p), citizenAsClerk);

        assertThat(otherClinic.statusCode()).isEqualTo(403);
        assertThat(otherClinicEntry).containsEntry("outcome", "4").doesNotContainKeys("staff", "staff_name");
        assertThat(citizen.statusCode()).isEqualTo(403);
        assertThat(lastOnTrail(p)).containsEntry("outcome", "4").doesNotContainKeys("staff", "staff_name");
    }

    @Test
    void citizenReadsTheirOwnCardAsCoverage() {
        var p = GATEWAY.population().person("renewed-old-valid");
        var token = citizenToken(p, "patient/Coverage.rs");
        var patient = "Patient/" + TokenBuilder.patientIdOf(p.cccd());
        var r = send(request("/fhir/Coverage?patient=" + patient, token)
                .header("Accept", "application/fhir+json")
                .GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var bundle = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
        var coverage = (Coverage) bundle.getEntryFirstRep().getResource();
        assertThat(coverage.getSubscriberId()).isEqualTo(p.cardCode());
        assertThat(coverage.getBeneficiary().getReference()).isEqualTo(patient);
    }

    @Test
    void aPublicClientsTokenWithoutTheNumberLooksUpTheRegisteredCitizen() {
        var p = GATEWAY.population().person("renewed-old-valid");
        var patient = "Patient/" + TokenBuilder.patientIdOf(p.cccd());
        var publicToken = ISSUER.token()
                .citizen(p.cccd())
                .without("national_id")
                .without("name")
                .without("family_name")
                .without("given_name")
                .without("birthdate")
                .claim("azp", "patient-portal")
                .scope("patient/Coverage.rs")
                .sign();
        var neverRegistered = ISSUER.token()
                .citizen("079085004477")
                .without("national_id")
                .claim("azp", "patient-portal")
                .scope("patient/Coverage.rs")
                .sign();
        // the first visit with a token that carries the number registers the Patient
        assertThat(get("/fhir/" + patient, citizenToken(p, "patient/Patient.rs"))
                        .statusCode())
                .isEqualTo(200);

        var r = get("/fhir/Coverage?patient=" + patient, publicToken);
        var unknown =
                get("/fhir/Coverage?patient=Patient/" + TokenBuilder.patientIdOf("079085004477"), neverRegistered);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var coverage = (Coverage) FHIR.newJsonParser()
                .parseResource(Bundle.class, r.body())
                .getEntryFirstRep()
                .getResource();
        assertThat(coverage.getSubscriberId()).isEqualTo(p.cardCode());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(coverageCode(unknown)).isEqualTo("COVERAGE_IDENTITY_INCOMPLETE");
    }

    @Test
    void gatewayDownServesTheLastGoodAnswerWithAWarning() throws Exception {
        var p = GATEWAY.population().person("police");
        assertThat(post(body(p, "48001"), chipPresentToken(p), clerkToken()).statusCode())
                .isEqualTo(200);
        Thread.sleep(5); // past the 1 ms freshness of this test configuration
        GATEWAY.faults().mode(FaultMode.CONNECTION_RESET);
        var r = post(body(p, "48001"), chipPresentToken(p), clerkToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var answer = response(r);
        assertThat(answer.getMeta().getTag(CoverageFhir.CS_FRESHNESS, "stale")).isNotNull();
        assertThat(answer.getContained()).anyMatch(c -> c instanceof OperationOutcome);
        assertThat(answer.getDisposition()).startsWith("002: ");
    }
}
