package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_A;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_B;
import static vn.healthid.bridge.audit.Tokens.PATIENT_A;
import static vn.healthid.bridge.audit.Tokens.PATIENT_B;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.consent.ConsentProperties;
import vn.healthid.bridge.consent.ConsentProvider;
import vn.healthid.bridge.consent.ConsentRepository;
import vn.healthid.bridge.consent.ConsentService;
import vn.healthid.bridge.consent.ConsentValidator;
import vn.healthid.bridge.identity.PatientIds;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientResourceProvider;
import vn.healthid.bridge.patient.PatientService;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEventStream;

/**
 * Every interaction of every provider, with the exact audit entries it must leave. One table: a
 * new provider adds its rows (and its provider to {@link #providers}).
 */
class EveryInteractionIsAuditedTest {

    static final String CLINIC = "clinic-reception";
    static final String APP = "citizen-portal";

    /** What one request must append to the shared audit stream, in order. */
    record Expected(
            String subtype,
            String action,
            String outcome,
            String patient,
            String entity,
            String client,
            String user,
            String purpose,
            String code) {}

    record Row(
            String name,
            String method,
            String path,
            Supplier<Jwt> token,
            Map<String, String> headers,
            String body,
            int status,
            List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> interactions() {
        Supplier<Jwt> citizenA =
                () -> Tokens.citizen(NATIONAL_ID_A, APP, "openid patient/Patient.rs patient/AuditEvent.rs");
        Supplier<Jwt> clinic = () -> Tokens.system(CLINIC, "system/Patient.rs");
        Supplier<Jwt> chipA = () -> Tokens.chipAtClinic(NATIONAL_ID_A, CLINIC, "patient/Patient.rs");
        Supplier<Jwt> consentA = () -> Tokens.citizen(NATIONAL_ID_A, APP, "openid patient/Consent.cruds");
        String userA = "Patient/" + PATIENT_A;
        String clinicUser = "service-account-" + CLINIC;
        return Stream.of(
                // Patient
                new Row(
                        "citizen reads own Patient",
                        "GET",
                        "/Patient/" + PATIENT_A,
                        citizenA,
                        Map.of(),
                        null,
                        200,
                        List.of(new Expected(
                                "read", "R", "0", PATIENT_A, "Patient/" + PATIENT_A, APP, userA, "PATRQT", null))),
                new Row(
                        "citizen searches own Patient by id",
                        "GET",
                        "/Patient?_id=" + PATIENT_A,
                        citizenA,
                        Map.of(),
                        null,
                        200,
                        List.of(new Expected(
                                "search-type", "E", "0", PATIENT_A, "Patient", APP, userA, "PATRQT", null))),
                new Row(
                        "citizen is denied another Patient",
                        "GET",
                        "/Patient/" + PATIENT_B,
                        citizenA,
                        Map.of(),
                        null,
                        403,
                        List.of(new Expected(
                                "read",
                                "R",
                                "4",
                                PATIENT_B,
                                "Patient/" + PATIENT_B,
                                APP,
                                userA,
                                "PATRQT",
                                "PATIENT_COMPARTMENT"))),
                new Row(
                        "clinic reads a Patient by id for treatment",
                        "GET",
                        "/Patient/" + PATIENT_B,
                        clinic,
                        Map.of("X-Purpose-Of-Use", "TREAT"),
                        null,
                        200,
                        List.of(new Expected(
                                "read",
                                "R",
                                "0",
                                PATIENT_B,
                                "Patient/" + PATIENT_B,
                                CLINIC,
                                clinicUser,
                                "TREAT",
                                null))),
                new Row(
                        "clinic search by CCCD is attributed to the person found",
                        "GET",
                        "/Patient?identifier=urn:vn:cccd|" + NATIONAL_ID_B,
                        clinic,
                        Map.of("X-Purpose-Of-Use", "HPAYMT"),
                        null,
                        200,
                        List.of(new Expected(
                                "search-type", "E", "0", PATIENT_B, "Patient", CLINIC, clinicUser, "HPAYMT", null))),
                new Row(
                        "clinic reads an unknown Patient",
                        "GET",
                        "/Patient/p" + "a".repeat(32),
                        clinic,
                        Map.of(),
                        null,
                        404,
                        List.of(new Expected(
                                "read",
                                "R",
                                "4",
                                "p" + "a".repeat(32),
                                "Patient/p" + "a".repeat(32),
                                CLINIC,
                                clinicUser,
                                null,
                                "NOT_FOUND"))),
                new Row(
                        "chip-present clinic reads the citizen",
                        "GET",
                        "/Patient/" + PATIENT_A,
                        chipA,
                        Map.of(),
                        null,
                        200,
                        List.of(new Expected(
                                "read", "R", "0", PATIENT_A, "Patient/" + PATIENT_A, CLINIC, userA, "TREAT", null))),
                // AuditEvent
                new Row(
                        "citizen lists who looked at their records",
                        "GET",
                        "/AuditEvent",
                        citizenA,
                        Map.of(),
                        null,
                        200,
                        List.of(new Expected(
                                "search-type", "E", "0", PATIENT_A, "AuditEvent", APP, userA, "PATRQT", null))),
                new Row(
                        "system client is denied the audit trail",
                        "GET",
                        "/AuditEvent",
                        () -> Tokens.system(CLINIC, "system/AuditEvent.rs"),
                        Map.of(),
                        null,
                        403,
                        List.of(new Expected(
                                "search-type",
                                "E",
                                "4",
                                null,
                                "AuditEvent",
                                CLINIC,
                                clinicUser,
                                null,
                                "SCOPE_INSUFFICIENT"))),
                // Consent
                new Row(
                        "citizen grants a clinic access",
                        "POST",
                        "/Consent",
                        consentA,
                        Map.of(),
                        grant(),
                        201,
                        List.of(new Expected("create", "C", "0", PATIENT_A, "Consent/*", APP, userA, "PATRQT", null))),
                new Row(
                        "citizen lists own consents",
                        "GET",
                        "/Consent",
                        consentA,
                        Map.of(),
                        null,
                        200,
                        List.of(new Expected(
                                "search-type", "E", "0", PATIENT_A, "Consent", APP, userA, "PATRQT", null))),
                new Row(
                        "system client cannot grant for a citizen",
                        "POST",
                        "/Consent",
                        () -> Tokens.system(CLINIC, "system/Consent.cruds"),
                        Map.of(),
                        grant(),
                        403,
                        List.of(new Expected(
                                "create", "C", "4", null, "Consent", CLINIC, clinicUser, null, "SCOPE_INSUFFICIENT"))));
    }

    private static String grant() {
        java.time.Instant now = java.time.Instant.now();
        org.hl7.fhir.r4.model.Consent consent =
                new org.hl7.fhir.r4.model.Consent().setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
        consent.getProvision()
                .getPeriod()
                .setStart(java.util.Date.from(now))
                .setEnd(java.util.Date.from(now.plusSeconds(86_400)));
        consent.getProvision()
                .addActor()
                .getReference()
                .getIdentifier()
                .setSystem("https://healthid.vn/fhir/sid/client-id")
                .setValue(CLINIC);
        consent.getProvision().addPurpose(new org.hl7.fhir.r4.model.Coding(PurposeOfUse.SYSTEM, "TREAT", null));
        return FhirHarness.FHIR.newJsonParser().encodeResourceToString(consent);
    }

    private final Clock clock = Clock.systemUTC();
    private final MemoryEventStream streams = new MemoryEventStream(clock);
    private final MemoryDocumentStore documents = new MemoryDocumentStore(clock);
    private final AuditProperties properties = FhirHarness.properties("audit", true);
    private FhirHarness fhir;

    @BeforeEach
    void startServerWithBothPatientsKnown() throws Exception {
        fhir = new FhirHarness(streams, documents, properties, clock, providers());
        fhir.get("/Patient/" + PATIENT_B, Tokens.citizen(NATIONAL_ID_B, APP, "patient/Patient.rs"));
    }

    private List<IResourceProvider> providers() {
        PatientTranslator translator = new PatientTranslator(FhirHarness.FHIR);
        PatientIds ids = Tokens.PATIENT_IDS;
        ConsentProperties consent = new ConsentProperties(java.time.Duration.ofDays(365), Map.of(), true);
        return List.of(
                new PatientResourceProvider(
                        new PatientService(new PatientRegistry(documents, translator), translator, ids)),
                new ConsentProvider(new ConsentService(
                        new ConsentRepository(documents, FhirHarness.FHIR), new ConsentValidator(consent, clock))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interactions")
    void leavesExactlyTheExpectedAuditEntries(Row row) {
        String before = last();

        FhirHarness.Response response =
                fhir.call(row.method(), row.path(), row.token().get(), row.body(), row.headers());

        assertThat(response.status()).as(response.body()).isEqualTo(row.status());
        List<Expected> recorded = streams.read("audit", before, 100).stream()
                .map(StreamEntry::fields)
                .map(AuditEntry::fromFields)
                .map(e -> new Expected(
                        e.subtype(),
                        e.action(),
                        e.outcome(),
                        e.patient(),
                        anyIdWhereExpected(e.entity()),
                        e.client(),
                        e.user(),
                        e.purpose(),
                        e.code()))
                .toList();
        assertThat(recorded).containsExactlyElementsOf(row.expected());
        assertThat(streams.read("audit", before, 100).toString())
                .doesNotContain(NATIONAL_ID_A)
                .doesNotContain(NATIONAL_ID_B);
    }

    /** Server-assigned ids (a created Consent) are written {@code Type/*} in the table. */
    private static String anyIdWhereExpected(String entity) {
        return entity != null && entity.startsWith("Consent/") ? "Consent/*" : entity;
    }

    private String last() {
        List<StreamEntry> all = streams.read("audit", null, 10_000);
        return all.isEmpty() ? null : all.getLast().id();
    }
}
