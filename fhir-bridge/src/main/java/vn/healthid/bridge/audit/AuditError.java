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

    private final Spec spec;

    AuditError(String message) {
        this.spec = new Spec(503, IssueType.TRANSIENT, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
