package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_A;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_B;
import static vn.healthid.bridge.audit.Tokens.PATIENT_A;
import static vn.healthid.bridge.audit.Tokens.PATIENT_B;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientResourceProvider;
import vn.healthid.bridge.patient.PatientService;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEventStream;

class CitizenListsWhoLookedAtTheirRecordsTest {

    private static final Jwt CITIZEN_A =
            Tokens.citizen(NATIONAL_ID_A, "citizen-portal", "openid patient/Patient.rs patient/AuditEvent.rs");
    private static final Jwt CITIZEN_B =
            Tokens.citizen(NATIONAL_ID_B, "citizen-portal", "openid patient/Patient.rs patient/AuditEvent.rs");
    private static final Jwt CLINIC = Tokens.system("clinic-reception", "system/Patient.rs");

    private final Clock clock = Clock.systemUTC();
    private final MemoryEventStream streams = new MemoryEventStream(clock);
    private final MemoryDocumentStore documents = new MemoryDocumentStore(clock);
    private FhirHarness fhir;

    @BeforeEach
    void start() throws Exception {
        PatientTranslator translator = new PatientTranslator(FhirHarness.FHIR);
        fhir = new FhirHarness(
                streams,
                documents,
                FhirHarness.properties("audit", true),
                clock,
                List.of(new PatientResourceProvider(new PatientService(
                        new PatientRegistry(documents, translator), translator, Tokens.PATIENT_IDS))));
        fhir.get("/Patient/" + PATIENT_A, CITIZEN_A);
        fhir.get("/Patient/" + PATIENT_B, CITIZEN_B);
    }

    @Test
    void clinicReadAppearsFirstInTheCitizensListWithWhoWhatWhenWhy() {
        fhir.call("GET", "/Patient/" + PATIENT_A, CLINIC, null, Map.of("X-Purpose-Of-Use", "TREAT"));

        Bundle page = list("/AuditEvent", CITIZEN_A);

        AuditEvent newest = (AuditEvent) page.getEntryFirstRep().getResource();
        assertThat(newest.getSubtypeFirstRep().getCode()).isEqualTo("read");
        assertThat(newest.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(newest.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(newest.getRecorded()).isNotNull();
        assertThat(newest.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("TREAT");
        assertThat(newest.getAgent())
                .anySatisfy(agent ->
                        assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("clinic-reception"));
        assertThat(newest.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + PATIENT_A);
        assertThat(FhirHarness.FHIR.newJsonParser().encodeResourceToString(page))
                .doesNotContain(NATIONAL_ID_A);
    }

    @Test
    void listIsNewestFirstAndOnlyTheCitizensOwn() {
        fhir.get("/Patient/" + PATIENT_B, CLINIC);
        fhir.call("GET", "/Patient/" + PATIENT_A, CLINIC, null, Map.of("X-Purpose-Of-Use", "HPAYMT"));

        List<AuditEvent> events = list("/AuditEvent", CITIZEN_A).getEntry().stream()
                .map(e -> (AuditEvent) e.getResource())
                .toList();

        assertThat(events)
                .allSatisfy(e -> assertThat(e.getEntityFirstRep().getWhat().getReference())
                        .isIn("Patient/" + PATIENT_A));
        assertThat(events).extracting(AuditEvent::getRecorded).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(events.getFirst()
                        .getPurposeOfEventFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("HPAYMT");
    }

    @Test
    void listIsPagedWithCountAndOffset() {
        for (int i = 0; i < 4; i++) {
            fhir.get("/Patient/" + PATIENT_A, CLINIC);
        }
        Bundle first = list("/AuditEvent?_count=2", CITIZEN_A);
        Bundle second = list("/AuditEvent?_count=2&_offset=2", CITIZEN_A);

        assertThat(first.getEntry()).hasSize(2);
        assertThat(second.getEntry()).hasSize(2);
        assertThat(first.getLink("next")).isNotNull();
        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(first.getEntry().get(1).getResource().getIdElement().getIdPart())
                .isGreaterThan(
                        second.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void anotherPatientsTrailIsRefused() {
        FhirHarness.Response response = fhir.get("/AuditEvent?patient=Patient/" + PATIENT_B, CITIZEN_A);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void systemClientCannotReadAnyonesTrail() {
        FhirHarness.Response response =
                fhir.get("/AuditEvent?patient=" + PATIENT_A, Tokens.system("clinic-reception", "system/AuditEvent.rs"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("\"AuditEvent\"");
    }

    @Test
    void clinicHoldingTheCitizensChipTokenCannotReadTheTrail() {
        FhirHarness.Response response = fhir.get(
                "/AuditEvent", Tokens.chipAtClinic(NATIONAL_ID_A, "clinic-reception", "patient/AuditEvent.rs"));

        assertThat(response.status()).isEqualTo(403);
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private Bundle list(String path, Jwt token) {
        FhirHarness.Response response = fhir.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (Bundle) response.resource();
    }
}
