package vn.healthid.bridge.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_A;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_B;
import static vn.healthid.bridge.audit.Tokens.PATIENT_A;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.audit.AuditEntry;
import vn.healthid.bridge.audit.FhirHarness;
import vn.healthid.bridge.audit.Tokens;
import vn.healthid.bridge.consent.ConsentDecision.Verdict;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEventStream;

class ConsentLifecycleTest {

    private static final String CLINIC = "clinic-reception";
    private static final String SCOPE = "openid patient/Consent.cruds patient/AuditEvent.rs";
    private static final Jwt CITIZEN_A = Tokens.citizen(NATIONAL_ID_A, "citizen-portal", SCOPE);
    private static final Jwt CITIZEN_B = Tokens.citizen(NATIONAL_ID_B, "citizen-portal", SCOPE);

    private final Clock clock = Clock.systemUTC();
    private final Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    private final MemoryEventStream streams = new MemoryEventStream(clock);
    private final MemoryDocumentStore documents = new MemoryDocumentStore(clock);
    private final ConsentProperties properties =
            new ConsentProperties(Duration.ofDays(365), Map.of("clinic-hanoi", "urn:vn:bhyt-facility|01001"), true);
    private final ConsentRepository repository = new ConsentRepository(documents, FhirHarness.FHIR);
    private final ConsentCheck check = new ConsentCheck(repository, properties);
    private FhirHarness fhir;

    @BeforeEach
    void start() throws Exception {
        fhir = new FhirHarness(
                streams,
                documents,
                FhirHarness.properties("audit", true),
                clock,
                List.of(new ConsentProvider(new ConsentService(repository, new ConsentValidator(properties, clock)))));
    }

    @Test
    void grantLetsTheClinicInForItsPurposeAndPeriodOnly() {
        grant(Consents.grant(CLINIC, "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30))));

        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).granted()).isTrue();
        assertThat(check.allows(PATIENT_A, CLINIC, "HPAYMT", now).verdict())
                .isEqualTo(Verdict.CONSENT_PURPOSE_NOT_COVERED);
        assertThat(check.allows(PATIENT_A, "other-clinic", "TREAT", now).verdict())
                .isEqualTo(Verdict.CONSENT_NONE);
        assertThat(check.allows(Tokens.PATIENT_B, CLINIC, "TREAT", now).verdict())
                .isEqualTo(Verdict.CONSENT_NONE);
    }

    @Test
    void consentExpiresAtTheEndOfItsPeriodAndIsNotValidBeforeItsStart() {
        Instant start = now.plus(Duration.ofDays(1));
        Instant end = now.plus(Duration.ofDays(8));
        grant(Consents.grant(CLINIC, "TREAT", start, end));

        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).verdict()).isEqualTo(Verdict.CONSENT_NOT_YET_VALID);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", start).granted()).isTrue();
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", end.minusSeconds(1)).granted())
                .isTrue();
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", end).verdict()).isEqualTo(Verdict.CONSENT_EXPIRED);
    }

    @Test
    void revocationByStatusInactiveStopsAccessAndCannotBeUndone() {
        Consent granted = grant(Consents.grant(CLINIC, "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30))));
        String id = granted.getIdElement().getIdPart();

        granted.setStatus(Consent.ConsentState.INACTIVE);
        FhirHarness.Response revoked = fhir.call("PUT", "/Consent/" + id, CITIZEN_A, Consents.json(granted), Map.of());
        granted.setStatus(Consent.ConsentState.ACTIVE);
        FhirHarness.Response revived = fhir.call("PUT", "/Consent/" + id, CITIZEN_A, Consents.json(granted), Map.of());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).verdict()).isEqualTo(Verdict.CONSENT_REVOKED);
        assertThat(revived.status()).isEqualTo(400);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).granted()).isFalse();
    }

    @Test
    void revocationByDeleteStopsAccess() {
        Consent granted = grant(Consents.grant(CLINIC, "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30))));

        FhirHarness.Response deleted =
                fhir.call("DELETE", "/Consent/" + granted.getIdElement().getIdPart(), CITIZEN_A, null, Map.of());

        assertThat(deleted.status()).isIn(200, 204);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).verdict()).isEqualTo(Verdict.CONSENT_NONE);
    }

    @Test
    void consentNamingTheClinicsOrganizationCoversItsClient() {
        Consent consent = Consents.grant("unused", "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30)));
        consent.getProvision()
                .getActorFirstRep()
                .getReference()
                .getIdentifier()
                .setSystem("urn:vn:bhyt-facility")
                .setValue("01001");
        grant(consent);

        assertThat(check.allows(PATIENT_A, "clinic-hanoi", "TREAT", now).granted())
                .isTrue();
    }

    @Test
    void citizenListsOwnConsentsAndCannotSeeOrRevokeAnothers() {
        Consent granted = grant(Consents.grant(CLINIC, "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30))));
        String path = "/Consent/" + granted.getIdElement().getIdPart();

        Bundle own = (Bundle) fhir.get("/Consent", CITIZEN_A).resource();
        Bundle others = (Bundle) fhir.get("/Consent", CITIZEN_B).resource();

        assertThat(own.getEntry()).hasSize(1);
        assertThat(others.getEntry()).isEmpty();
        assertThat(fhir.get(path, CITIZEN_B).status()).isEqualTo(404);
        assertThat(fhir.call("DELETE", path, CITIZEN_B, null, Map.of()).status())
                .isEqualTo(404);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).granted()).isTrue();
    }

    @Test
    void onlyTheCitizensOwnTokenGrants() {
        String body = Consents.json(Consents.grant(CLINIC, "TREAT", now, now.plus(Duration.ofDays(1))));

        FhirHarness.Response bySystem =
                fhir.call("POST", "/Consent", Tokens.system(CLINIC, "system/Consent.cruds"), body, Map.of());
        FhirHarness.Response byClinicWithChip = fhir.call(
                "POST", "/Consent", Tokens.chipAtClinic(NATIONAL_ID_A, CLINIC, "patient/Consent.c"), body, Map.of());

        assertThat(bySystem.status()).isEqualTo(403);
        assertThat(byClinicWithChip.status()).isEqualTo(403);
        assertThat(check.allows(PATIENT_A, CLINIC, "TREAT", now).granted()).isFalse();
    }

    @Test
    void openEndedOrPurposelessGrantsAreRefused() {
        Consent tooLong = Consents.grant(CLINIC, "TREAT", now, now.plus(Duration.ofDays(400)));
        Consent noPurpose = Consents.grant(CLINIC, "TREAT", now, now.plus(Duration.ofDays(1)));
        noPurpose.getProvision().getPurpose().clear();
        Consent noEnd = Consents.grant(CLINIC, "TREAT", now, now.plus(Duration.ofDays(1)));
        noEnd.getProvision().getPeriod().setEnd(null);

        for (Consent consent : List.of(tooLong, noPurpose, noEnd)) {
            FhirHarness.Response response = fhir.call("POST", "/Consent", CITIZEN_A, Consents.json(consent), Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("REQUEST_INVALID");
        }
    }

    @Test
    void grantAndRevocationAreInTheCitizensAuditTrail() {
        Consent granted = grant(Consents.grant(CLINIC, "TREAT", now.minusSeconds(60), now.plus(Duration.ofDays(30))));
        fhir.call("DELETE", "/Consent/" + granted.getIdElement().getIdPart(), CITIZEN_A, null, Map.of());

        List<AuditEntry> entries = streams.read("audit:patient:" + PATIENT_A, null, 100).stream()
                .map(e -> AuditEntry.fromFields(e.fields()))
                .toList();

        assertThat(entries)
                .extracting(AuditEntry::subtype, AuditEntry::action, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("create", "C", "0"),
                        org.assertj.core.groups.Tuple.tuple("delete", "D", "0"));
        assertThat(entries)
                .extracting(AuditEntry::entity)
                .containsOnly("Consent/" + granted.getIdElement().getIdPart());
    }

    private Consent grant(Consent consent) {
        FhirHarness.Response response = fhir.call("POST", "/Consent", CITIZEN_A, Consents.json(consent), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return (Consent) response.resource();
    }
}
