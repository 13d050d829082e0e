package vn.healthid.bridge.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

/**
 * The one exception the bridge throws toward a FHIR client, for any feature's {@link ErrorCode}:
 * HAPI writes its OperationOutcome with the code's status. {@code detail} must hold no identity
 * numbers or tokens.
 */
public final class BridgeFhirException extends BaseServerResponseException {

    private final transient ErrorCode code;

    public BridgeFhirException(ErrorCode code) {
        this(code, code.message());
    }

    public BridgeFhirException(ErrorCode code, String detail) {
        super(code.status(), detail, outcome(code, detail));
        this.code = code;
    }

    /** With the failure that caused it, for the logs; the caller sees only the code and the text. */
    public BridgeFhirException(ErrorCode code, Throwable cause) {
        this(code, code.message());
        initCause(cause);
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * The OperationOutcome for a code: one error issue with the bridge-wide code it refines (if
     * any), then the code itself in its system, and the text.
     */
    public static OperationOutcome outcome(ErrorCode code, String detail) {
        CodeableConcept details = new CodeableConcept().setText(detail);
        code.refines().ifPresent(general -> details.addCoding(new Coding(general.system(), general.name(), null)));
        details.addCoding(new Coding(code.system(), code.name(), null));
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code.issueType())
                .setDetails(details);
        return outcome;
    }
}
