package vn.healthid.bridge.telehealth.persist;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/** The {@code Encounter} (class VR, virtual) that records a session that actually took place. */
public final class EncounterMapper {

    public Encounter opened(TelehealthSession session, Instant startedAt) {
        Encounter e = new Encounter();
        e.setId(session.id());
        e.setStatus(EncounterStatus.INPROGRESS);
        e.setClass_(new Coding(TelehealthCodes.ACT_CODE_SYSTEM, TelehealthCodes.VIRTUAL, "virtual"));
        e.setServiceType(AppointmentMapper.serviceType());
        e.setSubject(new Reference("Patient/" + session.patientId()));
        if (session.hasPractitioner()) {
            e.addParticipant().setIndividual(new Reference("Practitioner/" + session.practitionerId()));
        }
        e.addAppointment(new Reference("Appointment/" + session.id()));
        e.setPeriod(new Period().setStart(Date.from(startedAt)));
        return e;
    }

    public Encounter finished(Encounter open, Instant endedAt) {
        Encounter e = open.copy();
        e.setStatus(EncounterStatus.FINISHED);
        e.getPeriod().setEnd(Date.from(endedAt));
        return e;
    }
}
