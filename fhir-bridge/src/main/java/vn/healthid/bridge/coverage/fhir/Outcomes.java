package vn.healthid.bridge.coverage.fhir;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The coverage feature's errors as the bridge's {@link BridgeFhirException}: the bridge-wide code
 * first, then this feature's own stable code ({@link #CODES}) as a second coding of the issue.
 */
public final class Outcomes {

    /** Stable codes of the coverage feature (COVERAGE_*). */
    public static final String CODES = CoverageFhir.CS + "coverage-error";

    /** The gateway's record does not match the identity the bridge proved (card code, name, birth date). */
    private static final Set<ResultCode> IDENTITY_MISMATCH = EnumSet.of(
            ResultCode.WRONG_CARD_CODE,
            ResultCode.WRONG_PROVINCE,
            ResultCode.WRONG_BENEFIT_CODE,
            ResultCode.WRONG_NAME,
            ResultCode.WRONG_NAME_FIRST_LETTER_RIGHT,
            ResultCode.WRONG_BIRTH_DATE);

    /** The gateway itself failed, or refused our request or credentials: nothing the caller can act on. */
    private static final Set<ResultCode> GATEWAY_FAILED = EnumSet.of(
            ResultCode.READ_ERROR, ResultCode.SERVER_ERROR, ResultCode.BAD_FORMAT, ResultCode.AUTHENTICATION_ERROR);

    /**
     * Each refusal of the coverage access rules (coverage.access) under the bridge code that says what
     * happened: a refusal is labelled {@code PATIENT_COMPARTMENT} only when the caller asked about
     * another person. An unknown identity is not a permission question: 422, the records as they stand.
     */
    static final Map<String, ErrorCode> REFUSALS = Map.of(
            "COVERAGE_NOT_AUTHENTICATED", ErrorCode.TOKEN_MISSING,
            "COVERAGE_SCOPE_MISSING", ErrorCode.SCOPE_INSUFFICIENT,
            "COVERAGE_NOT_OWN_PATIENT", ErrorCode.PATIENT_COMPARTMENT,
            "COVERAGE_CONSENT_REQUIRED", ErrorCode.CONSENT_REQUIRED,
            "COVERAGE_CHIP_REQUIRED", ErrorCode.CHIP_PRESENCE_REQUIRED,
            "COVERAGE_STAFF_IDENTITY_REQUIRED", ErrorCode.STAFF_TOKEN_REQUIRED,
            "COVERAGE_STAFF_TOKEN_INVALID", ErrorCode.STAFF_TOKEN_INVALID,
            "COVERAGE_SELF_SERVICE_DISABLED", ErrorCode.SELF_SERVICE_DISABLED,
            "COVERAGE_IDENTITY_INCOMPLETE", ErrorCode.BUSINESS_RULE);

    private static final String BEARER = "Bearer realm=\"fhir-bridge\"";

    private Outcomes() {}

    /**
     * A gateway answer without a usable card ({@code complete} false in {@code result-codes.json}) for a
     * lookup that needs one: 422 {@code COVERAGE_IDENTITY_MISMATCH} or {@code COVERAGE_NO_USABLE_CARD}
     * with the gateway's code and meaning coded as the eligibility check reports them ({@code
     * bhyt-result}); 503 when the gateway failed.
     */
    public static BridgeFhirException noUsableCard(ResultCode code) {
        if (GATEWAY_FAILED.contains(code)) {
            return unavailable(false);
        }
        // The same words as the eligibility check's disposition: "050: <vi> / <en>".
        var said = " (" + code.code() + ": " + code.meaning().vi() + " / "
                + code.meaning().en() + ")";
        var e = IDENTITY_MISMATCH.contains(code)
                ? with(
                        ErrorCode.BUSINESS_RULE,
                        "COVERAGE_IDENTITY_MISMATCH",
                        "The insurance gateway's record does not match this person" + said,
                        null)
                : with(
                        ErrorCode.BUSINESS_RULE,
                        "COVERAGE_NO_USABLE_CARD",
                        "The insurance gateway has no usable card for this person" + said,
                        null);
        var concept = EligibilityTranslator.resultConcept(code);
        ((OperationOutcome) e.getOperationOutcome())
                .getIssueFirstRep()
                .getDetails()
                .addCoding(concept.getCodingFirstRep());
        return e;
    }

    /**
     * A refusal of the access rules: the bridge code of {@link #REFUSALS} (a code missing there is a
     * programming error, answered 500 rather than under a wrong label), with RFC 6750's
     * {@code WWW-Authenticate} where the token itself falls short.
     */
    public static BridgeFhirException forbidden(String code, String message) {
        var bridgeCode = REFUSALS.get(code);
        if (bridgeCode == null) {
            return new BridgeFhirException(ErrorCode.INTERNAL_ERROR);
        }
        var e = with(bridgeCode, code, message, null);
        switch (bridgeCode) {
            case TOKEN_MISSING -> e.addResponseHeader("WWW-Authenticate", BEARER);
            case SCOPE_INSUFFICIENT, PATIENT_COMPARTMENT ->
                e.addResponseHeader("WWW-Authenticate", BEARER + ", error=\"insufficient_scope\"");
            default -> {
                // the token is fine; what is missing is said by the code
            }
        }
        return e;
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
