package vn.healthid.bridge.telehealth.domain;

import vn.healthid.bridge.fhir.BridgeFhirException;

/** Enforces {@link SessionStatus#next()}: an invalid transition is a 409 with a stable code. */
public final class Transitions {

    private Transitions() {}

    public static void check(SessionStatus from, SessionStatus to) {
        if (!from.canMoveTo(to)) {
            TelehealthError error =
                    from.isFinal() ? TelehealthError.APPOINTMENT_FINAL : TelehealthError.APPOINTMENT_TRANSITION_INVALID;
            throw new BridgeFhirException(error, "cannot move from " + from.code() + " to " + to.code());
        }
    }
}
