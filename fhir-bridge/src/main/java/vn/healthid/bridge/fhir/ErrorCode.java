package vn.healthid.bridge.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A stable error code: HTTP status, OperationOutcome issue type, default text, and the code
 * ({@link #name()}) in {@code issue.details.coding}. Clients branch on the code, never on the
 * text. The bridge-wide codes are {@link BridgeError}; each feature's enum implements this
 * interface, and {@link BridgeFhirException} is the one exception that carries any of them.
 */
public interface ErrorCode {

    /** Code system of the bridge-wide codes and of features that keep theirs beside them. */
    String SYSTEM = "https://healthid.vn/fhir/CodeSystem/bridge-error";

    /** Status, issue type and default text, as one value the enums hold. */
    record Spec(int status, IssueType issueType, String message) {}

    String name();

    Spec spec();

    default int status() {
        return spec().status();
    }

    default IssueType issueType() {
        return spec().issueType();
    }

    default String message() {
        return spec().message();
    }

    /** The code system of {@link #name()}. */
    default String system() {
        return SYSTEM;
    }

    /**
     * The bridge-wide code this one refines, sent as the first coding so that a client that knows
     * only {@link BridgeError} still branches; empty when this code stands alone.
     */
    default Optional<BridgeError> refines() {
        return Optional.empty();
    }
}
