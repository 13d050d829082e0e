package vn.healthid.bridge.telehealth;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import vn.healthid.bridge.fhir.ErrorCode;

/** A telehealth refusal: HAPI writes its OperationOutcome with the code's HTTP status. */
public final class TelehealthException extends BaseServerResponseException {

    private final TelehealthError error;

    public TelehealthException(TelehealthError error) {
        this(error, error.message());
    }

    public TelehealthException(TelehealthError error, String detail) {
        super(error.status(), detail, outcome(error, detail));
        this.error = error;
    }

    public TelehealthError error() {
        return error;
    }

    private static OperationOutcome outcome(TelehealthError error, String detail) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(error.issueType())
                .setDetails(new CodeableConcept()
                        .addCoding(new Coding(ErrorCode.SYSTEM, error.name(), null))
                        .setText(detail));
        return outcome;
    }
}
