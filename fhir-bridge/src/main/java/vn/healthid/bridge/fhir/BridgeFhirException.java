package vn.healthid.bridge.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

/**
 * The one exception the bridge throws toward a FHIR client: HAPI writes its OperationOutcome with
 * the status of its {@link ErrorCode}. {@code detail} must hold no identity numbers or tokens.
 */
public final class BridgeFhirException extends BaseServerResponseException {

    private final ErrorCode code;

    public BridgeFhirException(ErrorCode code) {
        this(code, code.message());
    }

    public BridgeFhirException(ErrorCode code, String detail) {
        super(code.status(), detail, outcome(code, detail));
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The OperationOutcome for a code: one error issue with the stable code and the text. */
    public static OperationOutcome outcome(ErrorCode code, String detail) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code.issueType())
                .setDetails(new CodeableConcept()
                        .addCoding(new org.hl7.fhir.r4.model.Coding(ErrorCode.SYSTEM, code.name(), null))
                        .setText(detail));
        return outcome;
    }
}
