package vn.healthid.bridge.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The bridge-wide stable codes (system {@link ErrorCode#SYSTEM}): authentication, scopes, request
 * shape and the generic outcomes HAPI's own exceptions map to. A feature keeps its own codes in
 * its own enum implementing {@link ErrorCode}.
 */
public enum BridgeError implements ErrorCode {
    TOKEN_MISSING(401, IssueType.LOGIN, "A bearer token is required."),
    TOKEN_INVALID(401, IssueType.SECURITY, "The bearer token is malformed or its signature is not valid."),
    TOKEN_EXPIRED(401, IssueType.EXPIRED, "The bearer token has expired."),
    TOKEN_NOT_YET_VALID(401, IssueType.SECURITY, "The bearer token is not valid yet."),
    TOKEN_WRONG_ISSUER(401, IssueType.SECURITY, "The bearer token was issued by another issuer."),
    TOKEN_WRONG_AUDIENCE(401, IssueType.SECURITY, "The bearer token is not meant for this server."),
    TOKEN_WRONG_TYPE(401, IssueType.SECURITY, "The token is not an access token."),
    TOKEN_CLAIM_INVALID(401, IssueType.SECURITY, "An identity claim of the token is malformed or inconsistent."),
    TOKEN_SESSION_ENDED(401, IssueType.SECURITY, "The session of the bearer token has ended (logout); sign in again."),
    STEP_UP_REQUIRED(401, IssueType.LOGIN, "A higher authentication level is required."),
    SCOPE_INSUFFICIENT(403, IssueType.FORBIDDEN, "The token's scopes do not allow this interaction."),
    PATIENT_COMPARTMENT(403, IssueType.FORBIDDEN, "The request is outside the token's patient compartment."),
    ACCESS_DENIED(403, IssueType.FORBIDDEN, "The credentials presented do not allow this request."),
    CONSENT_REQUIRED(403, IssueType.FORBIDDEN, "No valid consent of the patient lets this client access the record."),
    CHIP_PRESENCE_REQUIRED(
            403, IssueType.FORBIDDEN, "A clinic needs the citizen's chip-present token for this lookup."),
    STAFF_TOKEN_REQUIRED(403, IssueType.FORBIDDEN, "The clerk's own token is required for this lookup."),
    STAFF_TOKEN_INVALID(403, IssueType.FORBIDDEN, "The clerk's token is not valid for this clinic."),
    SELF_SERVICE_DISABLED(403, IssueType.FORBIDDEN, "Citizens cannot make this lookup for themselves on this server."),
    BODY_MALFORMED(400, IssueType.STRUCTURE, "The request body is not valid FHIR JSON or XML."),
    RESOURCE_TYPE_UNKNOWN(400, IssueType.NOTSUPPORTED, "The resource type is not served here."),
    PARAMETER_UNSUPPORTED(400, IssueType.NOTSUPPORTED, "A request parameter is not supported."),
    PARAMETER_INVALID(400, IssueType.INVALID, "A request parameter has an invalid value."),
    REQUEST_INVALID(400, IssueType.INVALID, "The request is not valid."),
    NOT_FOUND(404, IssueType.NOTFOUND, "The resource does not exist."),
    INTERACTION_UNSUPPORTED(405, IssueType.NOTSUPPORTED, "The interaction is not supported."),
    NOT_ACCEPTABLE(406, IssueType.NOTSUPPORTED, "Only FHIR JSON and XML responses are available."),
    VERSION_CONFLICT(409, IssueType.CONFLICT, "The resource was changed concurrently."),
    PRECONDITION_FAILED(412, IssueType.CONFLICT, "The resource version does not match If-Match."),
    BODY_TOO_LARGE(413, IssueType.TOOCOSTLY, "The request body is larger than allowed."),
    MEDIA_TYPE_UNSUPPORTED(415, IssueType.NOTSUPPORTED, "The request body must be FHIR JSON or XML."),
    BUSINESS_RULE(422, IssueType.BUSINESSRULE, "The request cannot be carried out as the records stand."),
    INTERNAL_ERROR(500, IssueType.EXCEPTION, "The server failed to process the request."),
    UNAVAILABLE(503, IssueType.TRANSIENT, "A service the bridge depends on is unavailable."),
    GATEWAY_TIMEOUT(504, IssueType.TIMEOUT, "A service the bridge depends on did not answer in time.");

    private final Spec spec;

    BridgeError(int status, IssueType issueType, String message) {
        this.spec = new Spec(status, issueType, message);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
