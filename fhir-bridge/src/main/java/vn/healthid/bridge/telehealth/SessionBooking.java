package vn.healthid.bridge.telehealth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.VersionConflictException;
import vn.healthid.bridge.telehealth.access.AccessPolicy;
import vn.healthid.bridge.telehealth.access.Operation;
import vn.healthid.bridge.telehealth.access.SessionAccess;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;
import vn.healthid.bridge.telehealth.domain.Transitions;
import vn.healthid.bridge.telehealth.persist.EncounterRecords;
import vn.healthid.bridge.telehealth.persist.SessionRepository;
import vn.healthid.bridge.telehealth.persist.StoredSession;

/**
 * Booking and status changes. A patient proposes a session for themselves; a practitioner accepts
 * it (booked, assigning themselves), finishes it (fulfilled) or records a no-show; either
 * participant cancels. Writes are compare-and-set on the version read (or the If-Match one).
 */
public final class SessionBooking {

    private final SessionRepository sessions;
    private final EncounterRecords encounters;
    private final AccessPolicy policy;
    private final SessionAccess access;
    private final Clock clock;
    private final Duration maxDuration;

    public SessionBooking(
            SessionRepository sessions,
            EncounterRecords encounters,
            AccessPolicy policy,
            SessionAccess access,
            Clock clock,
            Duration maxDuration) {
        this.sessions = sessions;
        this.encounters = encounters;
        this.policy = policy;
        this.access = access;
        this.clock = clock;
        this.maxDuration = maxDuration;
    }

    public StoredSession create(Caller caller, TelehealthSession proposed) {
        policy.require(caller, Operation.BOOK);
        if (proposed.status() != SessionStatus.PROPOSED && proposed.status() != SessionStatus.BOOKED) {
            throw new BridgeFhirException(TelehealthError.APPOINTMENT_INVALID, "a new session is proposed or booked");
        }
        if (!proposed.end().isAfter(clock.instant())) {
            throw new BridgeFhirException(TelehealthError.APPOINTMENT_INVALID, "the session ends in the past");
        }
        if (Duration.between(proposed.start(), proposed.end()).compareTo(maxDuration) > 0) {
            throw new BridgeFhirException(
                    TelehealthError.APPOINTMENT_INVALID, "the session is longer than " + maxDuration);
        }
        if (caller.kind() == Caller.Kind.CITIZEN) {
            if (!caller.isPatient(proposed.patientId())) {
                throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
            }
            if (proposed.status() != SessionStatus.PROPOSED) {
                throw new BridgeFhirException(
                        TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER, "a patient proposes; a practitioner books");
            }
        } else if (proposed.status() == SessionStatus.BOOKED && !caller.isPractitioner(proposed.practitionerId())) {
            throw new BridgeFhirException(
                    TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER, "a practitioner books sessions for themselves");
        }
        TelehealthSession fresh = new TelehealthSession(
                null,
                proposed.patientId(),
                proposed.practitionerId(),
                proposed.start(),
                proposed.end(),
                proposed.status(),
                null);
        try {
            return sessions.create(fresh);
        } catch (VersionConflictException e) {
            // only the search index can be contended here (the id is fresh): the client may retry
            throw new BridgeFhirException(BridgeError.VERSION_CONFLICT);
        }
    }

    /**
     * Moves the session to {@code wanted.status()}; nothing else may change.
     *
     * @param ifMatch the version from If-Match, or null
     */
    public StoredSession update(Caller caller, String id, TelehealthSession wanted, Long ifMatch) {
        policy.require(caller, wanted.status() == SessionStatus.CANCELLED ? Operation.CANCEL : Operation.UPDATE);
        StoredSession stored = sessions.find(id).orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND));
        TelehealthSession current = stored.session();
        if (lostTheRace(caller, current, wanted)) {
            throw ifMatch != null && ifMatch != stored.version()
                    ? new BridgeFhirException(BridgeError.PRECONDITION_FAILED)
                    : new BridgeFhirException(TelehealthError.APPOINTMENT_ALREADY_BOOKED);
        }
        access.requireVisible(caller, current);
        if (ifMatch != null && ifMatch != stored.version()) {
            throw new BridgeFhirException(BridgeError.PRECONDITION_FAILED);
        }
        if (!wanted.sameSlotAs(current)) {
            throw new BridgeFhirException(TelehealthError.APPOINTMENT_FIELD_IMMUTABLE);
        }
        boolean practitionerChanged = !Objects.equals(wanted.practitionerId(), current.practitionerId());
        if (wanted.status() == current.status()) {
            if (!practitionerChanged) {
                if (current.status() == SessionStatus.FULFILLED) {
                    encounters.finish(current); // repeating the finish repairs one cut short
                }
                return stored;
            }
            throw current.status() == SessionStatus.BOOKED
                    ? new BridgeFhirException(TelehealthError.APPOINTMENT_ALREADY_BOOKED)
                    : new BridgeFhirException(TelehealthError.APPOINTMENT_FIELD_IMMUTABLE);
        }
        Transitions.check(current.status(), wanted.status());
        TelehealthSession next = switch (wanted.status()) {
            case BOOKED -> accept(caller, current, wanted);
            case CANCELLED -> unchangedPractitioner(practitionerChanged, withReason(current, wanted));
            case ARRIVED -> throw new BridgeFhirException(TelehealthError.TRANSITION_VIA_JOIN_ONLY);
            case FULFILLED, NOSHOW -> assignedOnly(caller, current, practitionerChanged, wanted.status());
            case PROPOSED -> throw new BridgeFhirException(TelehealthError.APPOINTMENT_TRANSITION_INVALID);
        };
        StoredSession written = write(next, ifMatch != null ? ifMatch : stored.version(), ifMatch != null);
        if (next.status() == SessionStatus.FULFILLED) {
            encounters.finish(next);
        }
        return written;
    }

    /**
     * A practitioner accepting a proposal that another one accepted first: it is no longer visible
     * to them, but "taken" (412/409) is the useful answer, and they saw the proposal anyway.
     */
    private boolean lostTheRace(Caller caller, TelehealthSession current, TelehealthSession wanted) {
        return caller.kind() == Caller.Kind.PRACTITIONER
                && wanted.status() == SessionStatus.BOOKED
                && current.hasPractitioner()
                && !caller.isPractitioner(current.practitionerId());
    }

    private TelehealthSession accept(Caller caller, TelehealthSession current, TelehealthSession wanted) {
        if (current.hasPractitioner() && !current.practitionerId().equals(wanted.practitionerId())) {
            throw new BridgeFhirException(
                    TelehealthError.APPOINTMENT_ALREADY_BOOKED, "the patient asked for another practitioner");
        }
        if (!caller.isPractitioner(wanted.practitionerId())) {
            throw new BridgeFhirException(
                    TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER,
                    "a practitioner accepts a session for themselves");
        }
        return new TelehealthSession(
                current.id(),
                current.patientId(),
                caller.practitionerId().orElseThrow(),
                current.start(),
                current.end(),
                SessionStatus.BOOKED,
                null);
    }

    private TelehealthSession assignedOnly(
            Caller caller, TelehealthSession current, boolean practitionerChanged, SessionStatus target) {
        if (!current.hasPractitioner() || !caller.isPractitioner(current.practitionerId()) || practitionerChanged) {
            throw new BridgeFhirException(
                    TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER, "only the assigned practitioner may do this");
        }
        if (target == SessionStatus.NOSHOW && clock.instant().isBefore(current.start())) {
            throw new BridgeFhirException(TelehealthError.APPOINTMENT_TRANSITION_INVALID, "no-show before the start");
        }
        return current.withStatus(target);
    }

    private static TelehealthSession withReason(TelehealthSession current, TelehealthSession wanted) {
        String reason = wanted.cancellationReason() == null ? "cancelled" : wanted.cancellationReason();
        return new TelehealthSession(
                current.id(),
                current.patientId(),
                current.practitionerId(),
                current.start(),
                current.end(),
                SessionStatus.CANCELLED,
                reason);
    }

    private static TelehealthSession unchangedPractitioner(boolean practitionerChanged, TelehealthSession next) {
        if (practitionerChanged) {
            throw new BridgeFhirException(TelehealthError.APPOINTMENT_FIELD_IMMUTABLE);
        }
        return next;
    }

    private StoredSession write(TelehealthSession next, long expectedVersion, boolean fromIfMatch) {
        try {
            return sessions.update(next, expectedVersion);
        } catch (VersionConflictException e) {
            throw new BridgeFhirException(fromIfMatch ? BridgeError.PRECONDITION_FAILED : BridgeError.VERSION_CONFLICT);
        }
    }
}
