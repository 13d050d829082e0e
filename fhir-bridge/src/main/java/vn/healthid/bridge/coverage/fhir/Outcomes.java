package vn.healthid.bridge.coverage.fhir;

import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.fhir.BridgeFhirException;

/** The coverage errors that carry more than a code: the gateway's own verdict, or its outage. */
public final class Outcomes {

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
        var error = IDENTITY_MISMATCH.contains(code)
                ? CoverageError.COVERAGE_IDENTITY_MISMATCH
                : CoverageError.COVERAGE_NO_USABLE_CARD;
        // The same words as the eligibility check's disposition: "050: <vi> / <en>".
        var said = " (" + code.code() + ": " + code.meaning().vi() + " / "
                + code.meaning().en() + ")";
        var e = new BridgeFhirException(error, error.message().replaceFirst("\\.$", "") + said);
        ((OperationOutcome) e.getOperationOutcome())
                .getIssueFirstRep()
                .getDetails()
                .addCoding(EligibilityTranslator.resultConcept(code).getCodingFirstRep());
        return e;
    }

    /** 504 {@code timeout} (no answer in time) or 503 {@code transient} (gateway down or broken). */
    public static BridgeFhirException unavailable(boolean timeout) {
        return new BridgeFhirException(CoverageError.gatewayFailed(timeout));
    }
}
