package vn.healthid.bridge.coverage.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The coverage feature's errors as the bridge's {@link BridgeFhirException}: the bridge-wide code
 * first, then this feature's own stable code ({@link #CODES}) as a second coding of the issue.
 */
public final class Outcomes {

    /** Stable codes of the coverage feature (COVERAGE_*). */
    public static final String CODES = CoverageFhir.CS + "coverage-error";

    private Outcomes() {}

    public static BridgeFhirException forbidden(String code, String message) {
        return with(ErrorCode.PATIENT_COMPARTMENT, code, message, null);
    }

    public static BridgeFhirException invalid(String code, String message) {
        return with(ErrorCode.REQUEST_INVALID, code, message, null);
    }

    public static BridgeFhirException notSupported(String code, String message) {
        return with(ErrorCode.PARAMETER_UNSUPPORTED, code, message, null);
    }

    /**
     * 503 with issue type {@code timeout} (no answer in time) or {@code transient} (gateway down or
     * broken) when no cached answer is young enough. (504 needs a bridge ErrorCode with that status.)
     */
    public static BridgeFhirException unavailable(boolean timeout) {
        return timeout
                ? with(
                        ErrorCode.GATEWAY_TIMEOUT,
                        "COVERAGE_GATEWAY_TIMEOUT",
                        "The insurance gateway did not answer in time; try again shortly.",
                        OperationOutcome.IssueType.TIMEOUT)
                : with(
                        ErrorCode.UNAVAILABLE,
                        "COVERAGE_GATEWAY_UNAVAILABLE",
                        "The insurance gateway is unavailable; try again shortly.",
                        null);
    }

    private static BridgeFhirException with(
            ErrorCode bridgeCode, String code, String message, OperationOutcome.IssueType type) {
        var e = new BridgeFhirException(bridgeCode, message);
        var issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
        issue.getDetails().addCoding(new Coding(CODES, code, null));
        if (type != null) {
            issue.setCode(type);
        }
        return e;
    }
}
