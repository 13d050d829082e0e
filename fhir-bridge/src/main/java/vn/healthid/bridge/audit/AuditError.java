package vn.healthid.bridge.audit;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The audit trail's stable codes (bridge code system): personal data is withheld when the access
 * to it could not be recorded durably.
 */
public enum AuditError implements ErrorCode {
    AUDIT_UNAVAILABLE("The access could not be recorded in the audit trail; try again later."),
    /** Written on the primary but not acknowledged by enough replicas in time (healthid.store.audit-replica-acks). */
    AUDIT_NOT_REPLICATED("The access could not be recorded durably in the audit trail; try again later.");

    private final String message;

    AuditError(String message) {
        this.message = message;
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public IssueType issueType() {
        return IssueType.TRANSIENT;
    }

    @Override
    public String message() {
        return message;
    }
}
