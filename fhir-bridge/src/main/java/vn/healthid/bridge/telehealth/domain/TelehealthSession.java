package vn.healthid.bridge.telehealth.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One telehealth session as the bridge reasons about it: who takes part, when, and where it is in
 * its lifecycle. {@code practitionerId} is null until a practitioner accepts (books) it.
 */
public record TelehealthSession(
        String id,
        String patientId,
        String practitionerId,
        Instant start,
        Instant end,
        SessionStatus status,
        String cancellationReason) {

    public TelehealthSession {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
    }

    public TelehealthSession withId(String newId) {
        return new TelehealthSession(newId, patientId, practitionerId, start, end, status, cancellationReason);
    }

    public TelehealthSession withStatus(SessionStatus newStatus) {
        return new TelehealthSession(id, patientId, practitionerId, start, end, newStatus, cancellationReason);
    }

    public boolean hasPractitioner() {
        return practitionerId != null;
    }

    /** Everything but the status, assigned practitioner and cancellation reason is fixed at creation. */
    public boolean sameSlotAs(TelehealthSession other) {
        return patientId.equals(other.patientId) && start.equals(other.start) && end.equals(other.end);
    }
}
