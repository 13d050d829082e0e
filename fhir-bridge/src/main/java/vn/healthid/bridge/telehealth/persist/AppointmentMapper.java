package vn.healthid.bridge.telehealth.persist;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/**
 * Telehealth session <-> FHIR {@code Appointment}. Incoming Appointments are checked here: service
 * type teleconsultation, one Patient, at most one Practitioner, start before end, a known status.
 */
public final class AppointmentMapper {

    private static final int MAX_REASON = 500;
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    public Appointment toFhir(StoredSession stored) {
        TelehealthSession s = stored.session();
        Appointment a = new Appointment();
        a.setId(s.id());
        a.getMeta().setVersionId(Long.toString(stored.version())).setLastUpdated(Date.from(stored.lastUpdated()));
        a.setStatus(AppointmentStatus.fromCode(s.status().code()));
        a.addServiceType(serviceType());
        a.setStart(Date.from(s.start()));
        a.setEnd(Date.from(s.end()));
        a.addParticipant(participant("Patient/" + s.patientId()));
        if (s.hasPractitioner()) {
            a.addParticipant(participant("Practitioner/" + s.practitionerId()));
        }
        if (s.cancellationReason() != null) {
            a.setCancelationReason(new CodeableConcept().setText(s.cancellationReason()));
        }
        return a;
    }

    /** The session an incoming Appointment describes (its id is the caller's, if any). */
    public TelehealthSession toSession(Appointment a) {
        if (a.getServiceType().stream()
                .flatMap(c -> c.getCoding().stream())
                .noneMatch(c -> TelehealthCodes.SERVICE_TYPE_SYSTEM.equals(c.getSystem())
                        && TelehealthCodes.TELECONSULTATION.equals(c.getCode()))) {
            throw invalid("serviceType must be " + TelehealthCodes.SERVICE_TYPE_SYSTEM + "|teleconsultation");
        }
        if (!a.hasStatus()) {
            throw invalid("status is required");
        }
        SessionStatus status = SessionStatus.fromCode(a.getStatus().toCode())
                .orElseThrow(() -> invalid("status " + a.getStatus().toCode() + " is not used for telehealth"));
        if (a.getStart() == null || a.getEnd() == null || !a.getEnd().after(a.getStart())) {
            throw invalid("start and end are required and end must be after start");
        }
        List<String> patients = actors(a, "Patient/");
        List<String> practitioners = actors(a, "Practitioner/");
        if (patients.size() != 1
                || practitioners.size() > 1
                || patients.size() + practitioners.size() != a.getParticipant().size()) {
            throw invalid("participants must be one Patient and at most one Practitioner");
        }
        String reason = a.hasCancelationReason() ? reasonText(a.getCancelationReason()) : null;
        return new TelehealthSession(
                a.getIdElement().getIdPart(),
                patients.get(0),
                practitioners.isEmpty() ? null : practitioners.get(0),
                a.getStart().toInstant(),
                a.getEnd().toInstant(),
                status,
                reason);
    }

    static CodeableConcept serviceType() {
        return new CodeableConcept()
                .addCoding(new org.hl7.fhir.r4.model.Coding(
                        TelehealthCodes.SERVICE_TYPE_SYSTEM, TelehealthCodes.TELECONSULTATION, "Teleconsultation"));
    }

    private static AppointmentParticipantComponent participant(String reference) {
        return new AppointmentParticipantComponent()
                .setActor(new Reference(reference))
                .setRequired(ParticipantRequired.REQUIRED)
                .setStatus(ParticipationStatus.ACCEPTED);
    }

    private static List<String> actors(Appointment a, String prefix) {
        List<String> ids = new ArrayList<>();
        for (AppointmentParticipantComponent participant : a.getParticipant()) {
            String reference = participant.getActor().getReference();
            if (reference == null || !reference.startsWith(prefix)) {
                continue;
            }
            String id = reference.substring(prefix.length());
            if (!LOGICAL_ID.matcher(id).matches()) {
                throw invalid("participant references must be local: " + prefix + "<id>");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String reasonText(CodeableConcept reason) {
        String text = reason.hasText() ? reason.getText() : "cancelled";
        if (text.length() > MAX_REASON) {
            throw invalid("cancelationReason is longer than " + MAX_REASON + " characters");
        }
        return text;
    }

    private static BridgeFhirException invalid(String detail) {
        return new BridgeFhirException(TelehealthError.APPOINTMENT_INVALID, detail);
    }
}
