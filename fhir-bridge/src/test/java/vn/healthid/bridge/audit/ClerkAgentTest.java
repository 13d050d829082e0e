package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.testsupport.FhirValidation;

/** The clerk behind a reception check as the AuditEvent names them (docs/audit-and-consent.md). */
class ClerkAgentTest {

    private static final AuditEventTranslator TRANSLATOR = new AuditEventTranslator();

    private static AuditEvent event(String staff, String staffName) {
        AuditEntry entry = new AuditEntry(
                Instant.parse("2026-12-08T01:00:00Z"),
                AuditEntry.SOURCE_BRIDGE,
                "rest",
                "operation",
                "E",
                "0",
                "clinic-reception",
                "Patient/p-1",
                "p-1",
                "CoverageEligibilityRequest",
                "HPAYMT",
                null,
                staff,
                staffName);
        return TRANSLATOR.toFhir(new StreamEntry("1-0", entry.toFields()));
    }

    private static AuditEventAgentComponent clerk(AuditEvent event) {
        return event.getAgent().stream()
                .filter(a -> a.getType().hasCoding(AuditEventTranslator.SECURITY_ROLE_SYSTEM, "humanuser"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aClerkWithAPractitionerIsNamedByReferenceAndIsTheOneRequestor() {
        AuditEvent event = event("Practitioner/clerk01", "Nguyễn Thị Lan");

        assertThat(clerk(event).getWho().getReference()).isEqualTo("Practitioner/clerk01");
        assertThat(clerk(event).getWho().getDisplay()).isEqualTo("Nguyễn Thị Lan");
        assertThat(event.getAgent())
                .filteredOn(AuditEventAgentComponent::getRequestor)
                .containsExactly(clerk(event));
        FhirValidation.assertValid(event);
        FhirValidation.assertReferencesWellFormed(event);
    }

    @Test
    void aClerkWithoutAPractitionerIsNamedByTheirUserId() {
        AuditEvent event = event("4f7c1d2e-0a9b-4c3d-8e6f-112233445566", null);

        assertThat(clerk(event).getWho().hasReference()).isFalse();
        assertThat(clerk(event).getWho().getIdentifier().getSystem()).isEqualTo(AuditEventTranslator.USER_SYSTEM);
        assertThat(clerk(event).getWho().getIdentifier().getValue()).isEqualTo("4f7c1d2e-0a9b-4c3d-8e6f-112233445566");
        assertThat(clerk(event).getWho().hasDisplay()).isFalse();
        FhirValidation.assertValid(event);
    }

    @Test
    void anEntryWithoutAClerkKeepsTheUserAsRequestor() {
        AuditEvent event = event(null, null);

        assertThat(clerk(event)).isNull();
        assertThat(event.getAgent())
                .filteredOn(AuditEventAgentComponent::getRequestor)
                .singleElement()
                .satisfies(a -> assertThat(a.getWho().getReference()).isEqualTo("Patient/p-1"));
    }

    @Test
    void theClerkFieldsAreOptionalInVersionOne() {
        AuditEntry entry = AuditEntry.fromFields(java.util.Map.of("v", "1", "recorded", "2026-12-08T01:00:00Z"));

        assertThat(entry.staff()).isNull();
        assertThat(entry.staffName()).isNull();
        assertThat(entry.toFields()).containsEntry("v", "1").doesNotContainKeys("staff", "staff_name");
        assertThat(TRANSLATOR.toFhir(new StreamEntry("1-0", entry.toFields())).getAgent())
                .isEmpty();
    }
}
