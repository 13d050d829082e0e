package vn.healthid.bridge.coverage.error;

import java.util.Optional;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The coverage feature's stable codes (system {@link #SYSTEM}). Each refines the bridge-wide code
 * sent before it, so a client that knows only the bridge's codes still branches; each refusal has
 * its own code, and only a request for another person's Patient is {@code PATIENT_COMPARTMENT}.
 */
public enum CoverageError implements ErrorCode {
    COVERAGE_NOT_AUTHENTICATED(BridgeError.TOKEN_MISSING, "A bearer token is required."),
    COVERAGE_SCOPE_MISSING(BridgeError.SCOPE_INSUFFICIENT, "The token has no scope for this coverage lookup."),
    COVERAGE_CONSENT_REQUIRED(BridgeError.CONSENT_REQUIRED, "No chip-present token or consent for this patient."),
    COVERAGE_NOT_OWN_PATIENT(BridgeError.PATIENT_COMPARTMENT, "The token is for another patient."),
    COVERAGE_CHIP_REQUIRED(BridgeError.CHIP_PRESENCE_REQUIRED, "A clinic needs the citizen's chip-present token."),
    COVERAGE_SELF_SERVICE_DISABLED(
            BridgeError.SELF_SERVICE_DISABLED, "Self-service coverage lookups are not configured."),
    COVERAGE_STAFF_IDENTITY_REQUIRED(BridgeError.STAFF_TOKEN_REQUIRED, "The clerk's own token is required."),
    COVERAGE_STAFF_TOKEN_INVALID(BridgeError.STAFF_TOKEN_INVALID, "The clerk's token is not valid for this clinic."),
    COVERAGE_IDENTITY_INCOMPLETE(
            BridgeError.BUSINESS_RULE, "The registered Patient lacks the identity the gateway needs."),
    COVERAGE_REQUEST_MISSING(BridgeError.REQUEST_INVALID, "Send a CoverageEligibilityRequest."),
    COVERAGE_PATIENT_REQUIRED(BridgeError.REQUEST_INVALID, "The patient must be Patient/<id>."),
    COVERAGE_PURPOSE_REQUIRED(BridgeError.REQUEST_INVALID, "The purpose must hold validation and/or benefits."),
    COVERAGE_FACILITY_REQUIRED(BridgeError.REQUEST_INVALID, "Name the facility."),
    COVERAGE_FACILITY_INVALID(BridgeError.REQUEST_INVALID, "The facility code is malformed."),
    COVERAGE_PURPOSE_NOT_SUPPORTED(
            BridgeError.PARAMETER_UNSUPPORTED, "Only the purposes validation and benefits are supported."),
    COVERAGE_PARAMETER_UNSUPPORTED(BridgeError.PARAMETER_UNSUPPORTED, "This operation takes no parameters."),
    COVERAGE_NO_USABLE_CARD(BridgeError.BUSINESS_RULE, "The insurance gateway has no usable card for this person."),
    COVERAGE_IDENTITY_MISMATCH(BridgeError.BUSINESS_RULE, "The insurance gateway's record does not match this person."),
    COVERAGE_GATEWAY_UNAVAILABLE(BridgeError.UNAVAILABLE, "The insurance gateway is unavailable; try again shortly."),
    COVERAGE_GATEWAY_TIMEOUT(
            BridgeError.GATEWAY_TIMEOUT, "The insurance gateway did not answer in time; try again shortly.");

    /** Code system of the coverage codes (beside the bridge's own, {@link ErrorCode#SYSTEM}). */
    public static final String SYSTEM = "https://healthid.vn/fhir/CodeSystem/coverage-error";

    private final BridgeError general;
    private final Spec spec;

    CoverageError(BridgeError general, String message) {
        this.general = general;
        this.spec = new Spec(general.status(), general.issueType(), message);
    }

    /** The gateway did not answer in time (504 {@code timeout}) or failed (503 {@code transient}). */
    public static CoverageError gatewayFailed(boolean timeout) {
        return timeout ? COVERAGE_GATEWAY_TIMEOUT : COVERAGE_GATEWAY_UNAVAILABLE;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<BridgeError> refines() {
        return Optional.of(general);
    }
}
