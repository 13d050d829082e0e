package vn.healthid.bridge.telehealth.domain;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * Telehealth's own stable error codes, in the bridge's code system ({@link ErrorCode#SYSTEM});
 * thrown as {@code BridgeFhirException} like every other code.
 */
public enum TelehealthError implements ErrorCode {
    APPOINTMENT_INVALID(422, IssueType.INVALID, "The Appointment is not a valid telehealth session."),
    APPOINTMENT_FIELD_IMMUTABLE(422, IssueType.BUSINESSRULE, "Only the status of an Appointment may change."),
    APPOINTMENT_TRANSITION_INVALID(409, IssueType.CONFLICT, "The Appointment cannot move to that status."),
    APPOINTMENT_FINAL(409, IssueType.CONFLICT, "The Appointment has ended and cannot change."),
    APPOINTMENT_ALREADY_BOOKED(409, IssueType.CONFLICT, "Another practitioner has already accepted this session."),
    TRANSITION_VIA_JOIN_ONLY(422, IssueType.BUSINESSRULE, "A session starts with $join, not with an update."),
    TRANSITION_NOT_ALLOWED_FOR_CALLER(403, IssueType.FORBIDDEN, "This participant may not make that change."),
    NOT_A_PARTICIPANT(403, IssueType.FORBIDDEN, "Only the patient and the assigned practitioner may do this."),
    NOT_JOINABLE(409, IssueType.CONFLICT, "The session is not booked or in progress."),
    JOIN_TOO_EARLY(422, IssueType.BUSINESSRULE, "The session cannot be joined yet."),
    JOIN_WINDOW_CLOSED(422, IssueType.BUSINESSRULE, "The session can no longer be joined."),
    TICKET_INVALID(400, IssueType.INVALID, "The join ticket is unknown, expired or already used."),
    TICKET_WRONG_APPOINTMENT(400, IssueType.INVALID, "The join ticket belongs to another session.");

    private final Spec spec;

    TelehealthError(int status, IssueType issueType, String message) {
        this.spec = new Spec(status, issueType, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
