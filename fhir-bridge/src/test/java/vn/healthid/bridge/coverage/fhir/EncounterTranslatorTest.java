package vn.healthid.bridge.coverage.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.coverage.gateway.VisitRecord;

@Tag("conformance")
class EncounterTranslatorTest {

    final EncounterTranslator translator = new EncounterTranslator(ZoneId.of("Asia/Ho_Chi_Minh"));

    static final VisitRecord DAY_VISIT = new VisitRecord(
            "HS1",
            "79071",
            LocalDateTime.of(2026, 3, 10, 18, 30),
            LocalDateTime.of(2026, 3, 10, 20, 15),
            "Viêm họng cấp",
            "1",
            "1",
            "1");
    static final VisitRecord STAY = new VisitRecord(
            "HS2",
            "79024",
            LocalDateTime.of(2026, 7, 2, 8, 0),
            LocalDateTime.of(2026, 7, 5, 10, 0),
            "Viêm phổi",
            "2",
            "2",
            "2");

    @Test
    void dayVisitIsAFinishedAmbulatoryEncounter() {
        var e = translator.toFhir(List.of(DAY_VISIT), "p1").get(0);
        assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(e.getClass_().getCode()).isEqualTo("AMB");
        assertThat(e.getIdentifierFirstRep().getValue()).isEqualTo("HS1");
        assertThat(e.getServiceProvider().getIdentifier().getValue()).isEqualTo("79071");
        assertThat(e.getReasonCodeFirstRep().getText()).isEqualTo("Viêm họng cấp");
        assertThat(e.getSubject().getReference()).isEqualTo("Patient/p1");
    }

    @Test
    void visitTimesKeepTheGatewaysLocalOffset() {
        var e = translator.toFhir(List.of(STAY), "p1").get(0);

        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-07-02T08:00:00+07:00");
        assertThat(e.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-07-05T10:00:00+07:00");
    }

    @Test
    void stayOverSeveralDaysIsInpatientWithItsAdmissionReason() {
        var e = translator.toFhir(List.of(STAY), "p1").get(0);
        assertThat(e.getClass_().getCode()).isEqualTo("IMP");
        var reason =
                (Coding) e.getExtensionByUrl(CoverageFhir.EXT_ADMISSION_REASON).getValue();
        assertThat(reason.getCode()).isEqualTo("2");
    }

    @Test
    void encountersConformToTheProfile() {
        var validator = new ProfileValidator();
        for (var e : translator.toFhir(List.of(DAY_VISIT, STAY), "p1")) {
            assertThat(validator.errors(e)).as(validator.json(e)).isEmpty();
        }
    }
}
