package vn.healthid.bridge.telehealth.access;

import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/**
 * Which sessions a caller may see: a patient their own (their compartment); a practitioner those
 * assigned to them and those nobody has accepted yet (so that they can accept one).
 */
public final class SessionAccess {

    public boolean visible(Caller caller, TelehealthSession session) {
        return switch (caller.kind()) {
            case CITIZEN -> caller.isPatient(session.patientId());
            case PRACTITIONER -> !session.hasPractitioner() || caller.isPractitioner(session.practitionerId());
            case SYSTEM -> false;
        };
    }

    public void requireVisible(Caller caller, TelehealthSession session) {
        if (visible(caller, session)) {
            return;
        }
        if (caller.kind() == Caller.Kind.CITIZEN) {
            throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        }
        throw new BridgeFhirException(TelehealthError.NOT_A_PARTICIPANT);
    }

    /** The patient or the assigned practitioner, nobody else. */
    public boolean participant(Caller caller, TelehealthSession session) {
        return caller.isPatient(session.patientId())
                || (session.hasPractitioner() && caller.isPractitioner(session.practitionerId()));
    }
}
