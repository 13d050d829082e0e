package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.healthid.bridge.audit.AuditEntry;
import vn.healthid.bridge.audit.AuditProperties;
import vn.healthid.bridge.audit.AuditTrail;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.FhirValidation;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * The attacks of the security issue on the one Caller: a citizen token escaping its compartment
 * through a system scope, a passive-only chip proof, an old proof for a consent, the audit
 * cross-write, the existence oracle, public clients' tokens without a number, and AuditEvents that
 * do not validate.
 */
class CitizenTokensAreConfinedTest extends BridgeIntegrationTest {

    static final String A = "079085004401";
    static final String B = "079085004402";
    static final String CLINIC = "clinic-reception";
    static final String CHIP_PA = "urn:vn:healthid:acr:chip-pa";

    @Autowired
    EventStream streams;

    @Autowired
    AuditProperties audit;

    @Autowired
    AuditTrail trail;

    @Test
    void refusesACitizenTokenWithASystemScopeSearchingAnotherCitizenByIdentifier() {
        register(B);
        int trailOfB = entries(B).size();
        String chipTokenOfA = ISSUER.token()
                .citizen(A)
                .claim("azp", CLINIC)
                .claim("act", Map.of("client_id", CLINIC))
                .scope("openid system/Patient.rs")
                .sign();
        String identifier = IdentifierSystems.CCCD + "|" + B;

        HttpResponse<String> byGet =
                get("/fhir/Patient?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8), chipTokenOfA);
        HttpResponse<String> byPost = send(request("/fhir/Patient/_search", chipTokenOfA)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8))));

        for (HttpResponse<String> answer : List.of(byGet, byPost)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
            assertThat(answer.body()).doesNotContain(TokenBuilder.patientIdOf(B));
        }
        List<StreamEntry> afterwards = entries(B);
        assertThat(afterwards).hasSize(trailOfB);
        assertThat(afterwards)
                .noneMatch(e -> String.valueOf(e.fields().get("user")).contains(TokenBuilder.patientIdOf(A)));
    }

    @Test
    void refusesAPassiveOnlyChipTokenEveryPersonalHealthData() {
        String chipPa = ISSUER.token()
                .citizen(A)
                .claim("acr", CHIP_PA)
                .scope("openid patient/Patient.rs patient/Consent.cruds patient/Coverage.rs patient/Encounter.rs")
                .sign();
        String own = TokenBuilder.patientIdOf(A);

        List<HttpResponse<String>> answers = List.of(
                createConsent(chipPa),
                get("/fhir/Patient/" + own, chipPa),
                get("/fhir/AuditEvent", chipPa),
                get("/fhir/Appointment", chipPa));
        // Coverage and $bhyt-history (served where the gateway is configured) pass the same resolver:
        // the rule is asked of the caller before any feature runs
        Caller caller = vn.healthid.bridge.testsupport.Callers.of(
                org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSetUri(ISSUER.jwksUri())
                        .build()
                        .decode(chipPa));
        org.assertj.core.api.Assertions.assertThatThrownBy(caller::requireHealthDataLevel)
                .isInstanceOfSatisfying(
                        vn.healthid.bridge.fhir.BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(vn.healthid.bridge.fhir.BridgeError.STEP_UP_REQUIRED));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(errorCode(answer)).isEqualTo("STEP_UP_REQUIRED");
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_user_authentication\"");
        }
    }

    @Test
    void refusesAConsentChangeBelowLevelThreeOrWithAnOldProof() {
        String level2 = ISSUER.token()
                .citizen(A)
                .claim("acr", "urn:vn:healthid:acr:vneid-2")
                .scope("openid patient/Consent.cruds")
                .sign();
        String oldChip = ISSUER.token()
                .citizen(A)
                .claim("auth_time", Instant.now().minusSeconds(20 * 60).getEpochSecond())
                .scope("openid patient/Consent.cruds")
                .sign();
        String noAuthTime = ISSUER.token()
                .citizen(A)
                .without("auth_time")
                .scope("openid patient/Consent.cruds")
                .sign();

        HttpResponse<String> tooLow = createConsent(level2);
        HttpResponse<String> tooOld = createConsent(oldChip);
        HttpResponse<String> unknownAge = createConsent(noAuthTime);
        HttpResponse<String> revokeTooOld =
                send(request("/fhir/Consent/any", oldChip).DELETE());
        HttpResponse<String> updateTooLow = send(request("/fhir/Consent/any", level2)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Consent\",\"id\":\"any\",\"status\":\"inactive\"}")));

        assertThat(tooLow.statusCode()).isEqualTo(401);
        assertThat(tooLow.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("acr_values=\"urn:vn:healthid:acr:chip-aa\"")
                .doesNotContain("max_age");
        for (HttpResponse<String> old : List.of(tooOld, unknownAge, revokeTooOld)) {
            assertThat(old.statusCode()).as(old.body()).isEqualTo(401);
            assertThat(errorCode(old)).isEqualTo("STEP_UP_REQUIRED");
            assertThat(old.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_user_authentication\"")
                    .contains("max_age=\"600\"");
        }
        assertThat(updateTooLow.statusCode()).as(updateTooLow.body()).isEqualTo(401);
        assertThat(createConsent(ISSUER.token()
                                .citizen(A)
                                .scope("openid patient/Consent.cruds")
                                .sign())
                        .statusCode())
                .isNotEqualTo(401); // a fresh chip-aa proof passes the level rule (the empty consent is then invalid)
    }

    @Test
    void aCitizenListingTheirTrailRecordsOneEntryOnTheirOwnTrailOnly() {
        String a = TokenBuilder.patientIdOf(A);
        String b = TokenBuilder.patientIdOf(B);
        // B's trail names A as a reader (as after the issue's escape)
        trail.record(new AuditEntry(
                Instant.now(),
                "fhir-bridge",
                "rest",
                "read",
                "R",
                "0",
                CLINIC,
                "Patient/" + a,
                b,
                "Patient/" + b,
                null,
                null));
        int trailOfA = entries(A).size();
        int trailOfB = entries(B).size();

        HttpResponse<String> listed = get("/fhir/AuditEvent", citizenOf(B, "openid patient/AuditEvent.rs"));

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(entries(A)).as("A's trail").hasSize(trailOfA);
        // the one entry is about B; it stays off B's own list (it would shift their pages) and goes to the shared
        // stream
        assertThat(entries(B)).as("B's trail").hasSize(trailOfB);
        List<StreamEntry> shared = streams.read(audit.stream(), null, 100_000);
        StreamEntry last = shared.get(shared.size() - 1);
        assertThat(last.fields()).containsEntry("patient", b).containsEntry("user", "Patient/" + b);
    }

    @Test
    void aClinicFindsAKnownPersonWithoutConsentAsIfNobodyWereKnown() {
        register(B);
        String clinic =
                ISSUER.token().claim("azp", CLINIC).scope("system/Patient.rs").sign();

        HttpResponse<String> known = search(clinic, B);
        HttpResponse<String> unknown = search(clinic, "079085009999");

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        Bundle knownBundle = FHIR.newJsonParser().parseResource(Bundle.class, known.body());
        Bundle unknownBundle = FHIR.newJsonParser().parseResource(Bundle.class, unknown.body());
        assertThat(knownBundle.getEntry()).isEmpty();
        assertThat(unknownBundle.getEntry()).isEmpty();
        assertThat(knownBundle.getTotal()).isEqualTo(unknownBundle.getTotal());
        assertThat(known.body()).doesNotContain("CONSENT_REQUIRED").doesNotContain(TokenBuilder.patientIdOf(B));
        // the withheld attempt is on B's trail
        assertThat(entries(B))
                .anyMatch(e -> "CONSENT_REQUIRED".equals(e.fields().get("code")));
    }

    @Test
    void aPublicClientsTokenWithoutTheNumberIsResolvedFromFhirUser() {
        register(A);
        String publicToken = citizenOf(A, "openid patient/Patient.rs");
        String unregistered = ISSUER.token()
                .citizen("079085004499")
                .without("national_id")
                .scope("openid patient/Patient.rs")
                .sign();

        HttpResponse<String> own = get("/fhir/Patient/" + TokenBuilder.patientIdOf(A), publicToken);
        HttpResponse<String> never = get("/fhir/Patient/" + TokenBuilder.patientIdOf("079085004499"), unregistered);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(A); // the registered identifier, not the token's
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(errorCode(never)).isEqualTo("NOT_FOUND");
    }

    @Test
    void everyAuditEventServedAfterARefusedReadOfAnUnknownIdValidates() {
        String token = citizenOf(A, "openid patient/Patient.rs patient/AuditEvent.rs");
        assertThat(get("/fhir/Patient/not-a-known-id", token).statusCode()).isEqualTo(403);
        assertThat(get("/fhir/Patient/079085001234", token).statusCode()).isEqualTo(403);

        HttpResponse<String> listed = get("/fhir/AuditEvent?_count=50", token);

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, listed.body());
        assertThat(bundle.getEntry()).isNotEmpty();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            AuditEvent event = (AuditEvent) entry.getResource();
            FhirValidation.assertValid(event);
            FhirValidation.assertReferencesWellFormed(event);
        }
    }

    private HttpResponse<String> search(String token, String number) {
        return send(request("/fhir/Patient/_search", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identifier="
                        + URLEncoder.encode(IdentifierSystems.CCCD + "|" + number, StandardCharsets.UTF_8))));
    }

    /** The first visit with a confidential client's token (it carries the number) registers the Patient. */
    private void register(String number) {
        String confidential = ISSUER.token()
                .citizen(number)
                .scope("openid patient/Patient.rs")
                .sign();
        HttpResponse<String> read = get("/fhir/Patient/" + TokenBuilder.patientIdOf(number), confidential);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    /** A public client's token (patient portal): no national_id, per the token contract. */
    private static String citizenOf(String number, String scope) {
        return ISSUER.token()
                .citizen(number)
                .without("national_id")
                .claim("azp", "patient-portal")
                .scope(scope)
                .sign();
    }

    private HttpResponse<String> createConsent(String token) {
        String body = "{\"resourceType\":\"Consent\",\"status\":\"active\"}";
        return send(request("/fhir/Consent", token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private List<StreamEntry> entries(String number) {
        return streams.read(audit.patientStream(TokenBuilder.patientIdOf(number)), null, 1000);
    }
}
