package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The audit store did not take an entry: 503 with a {@code transient} OperationOutcome and the
 * stable code {@value #CODE}, so that no personal data leaves the bridge unaccounted for.
 */
public final class AuditUnavailableException extends BaseServerResponseException {

    public static final String CODE = "AUDIT_UNAVAILABLE";
    private static final String TEXT = "The access could not be recorded in the audit trail; try again later.";

    public AuditUnavailableException(Throwable cause) {
        super(503, TEXT, outcome());
        initCause(cause);
    }

    private static OperationOutcome outcome() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.TRANSIENT)
                .setDetails(new CodeableConcept()
                        .addCoding(new Coding(ErrorCode.SYSTEM, CODE, null))
                        .setText(TEXT));
        return outcome;
    }
}
