package vn.healthid.identity.keycloak.launch;

import jakarta.ws.rs.core.Response;

/**
 * Why a SMART request was refused (a launch registration, a launch redemption, an authorization request's
 * {@code aud}): a stable code, an OAuth error and a status. docs/smart.md, section 5, lists each with where it answers.
 */
public enum LaunchRefusal {
    /** No bearer token, or one Keycloak does not accept. */
    LAUNCH_TOKEN_INVALID("invalid_token", Response.Status.UNAUTHORIZED, "a valid bearer token is required"),
    /** The token is not a client credentials token of a confidential client (a user's token, a public client). */
    LAUNCH_NOT_A_CLINIC(
            "access_denied",
            Response.Status.FORBIDDEN,
            "only a confidential clinic client, with its own client credentials token, registers launches"),
    LAUNCH_REQUEST_INVALID("invalid_request", Response.Status.BAD_REQUEST, "the launch request is malformed"),
    /** The app does not exist, or does not name this clinic in its {@code smart.launch.clinics} attribute. */
    LAUNCH_CLINIC_NOT_ALLOWED(
            "access_denied", Response.Status.FORBIDDEN, "this app does not accept launches from this clinic"),
    /** The clinic has not read this patient's card within the visit window. */
    LAUNCH_PATIENT_NOT_SEEN(
            "access_denied",
            Response.Status.FORBIDDEN,
            "this clinic has not identified this patient by their card recently"),
    /** At the token endpoint: unknown, used, expired, or registered for another app. */
    LAUNCH_INVALID(
            "invalid_grant", Response.Status.BAD_REQUEST, "the launch is unknown, used, expired or not for this app"),
    /** At the token endpoint: a citizen logged in as a patient who is not the launch's patient. */
    LAUNCH_PATIENT_MISMATCH(
            "invalid_grant", Response.Status.BAD_REQUEST, "the signed-in patient is not the patient of this launch"),
    /**
     * At the authorization endpoint (an error redirect to the app, no code): the {@code aud} parameter names a FHIR
     * server that is not ours, so a token would go to a server that may be counterfeit ({@link SmartAudienceExecutor}).
     */
    AUD_NOT_THIS_FHIR_SERVER(
            "invalid_request",
            Response.Status.BAD_REQUEST,
            "the aud parameter is not the base URL of a FHIR server this authorization server issues tokens for");

    private final String error;
    private final Response.Status status;
    private final String description;

    LaunchRefusal(String error, Response.Status status, String description) {
        this.error = error;
        this.status = status;
        this.description = description;
    }

    public String error() {
        return error;
    }

    public Response.Status status() {
        return status;
    }

    /** The OAuth {@code error_description}: the code first, then plain words. */
    public String description() {
        return name() + ": " + description;
    }
}
