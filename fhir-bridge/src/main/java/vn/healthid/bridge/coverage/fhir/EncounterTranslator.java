package vn.healthid.bridge.coverage.fhir;

import static vn.healthid.bridge.coverage.fhir.CoverageFhir.*;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.coverage.gateway.VisitRecord;

/** Treatment-history items ({@code Lskcb2025}) to FHIR R4 {@code Encounter}s (profile {@link CoverageFhir#PROFILE_ENCOUNTER}). */
public final class EncounterTranslator {

    /** Record numbers (maHoSo) of the BHYT system. */
    public static final String BHYT_RECORD = "urn:vn:bhyt-record";

    private static final Map<String, String> ADMISSION_REASONS = Map.of(
            "1", "Đúng tuyến / in network",
            "2", "Cấp cứu / emergency",
            "3", "Trái tuyến / out of network",
            "4", "Thông tuyến / nationwide");

    private final ZoneId zone;

    public EncounterTranslator(ZoneId zone) {
        this.zone = zone;
    }

    public List<Encounter> toFhir(List<VisitRecord> visits, String patientId) {
        return visits.stream().map(v -> toFhir(v, patientId)).toList();
    }

    Encounter toFhir(VisitRecord v, String patientId) {
        var e = new Encounter();
        e.getMeta().addProfile(PROFILE_ENCOUNTER);
        if (v.maHoSo() != null) {
            e.addIdentifier(new Identifier().setSystem(BHYT_RECORD).setValue(v.maHoSo()));
        }
        e.setStatus(v.ngayRa() != null ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
        boolean stayed = v.ngayVao() != null
                && v.ngayRa() != null
                && !v.ngayVao().toLocalDate().equals(v.ngayRa().toLocalDate());
        e.setClass_(
                stayed
                        ? new Coding(HL7_ACT_CODE, "IMP", "inpatient encounter")
                        : new Coding(HL7_ACT_CODE, "AMB", "ambulatory"));
        e.setSubject(new Reference("Patient/" + patientId));
        var period = new Period();
        if (v.ngayVao() != null) {
            period.setStartElement(dateTime(v.ngayVao()));
        }
        if (v.ngayRa() != null) {
            period.setEndElement(dateTime(v.ngayRa()));
        }
        e.setPeriod(period);
        if (v.maCskcb() != null) {
            e.setServiceProvider(CoverageTranslator.facilityRef(v.maCskcb()));
        }
        if (v.tenBenh() != null) {
            e.addReasonCode(new CodeableConcept().setText(v.tenBenh()));
        }
        var reason = v.lyDoVv() == null ? null : ADMISSION_REASONS.get(v.lyDoVv());
        if (reason != null) {
            e.addExtension(
                    new Extension(EXT_ADMISSION_REASON, new Coding(CS + "bhyt-admission-reason", v.lyDoVv(), reason)));
        }
        return e;
    }

    /** The gateway's local time, written with its offset (e.g. +07:00) as a clinic would read it. */
    private DateTimeType dateTime(LocalDateTime t) {
        return new DateTimeType(
                Date.from(t.atZone(zone).toInstant()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone));
    }
}
