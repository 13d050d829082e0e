package vn.healthid.identity.keycloak.grant;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.keycloak.abuse.RateLimiter;
import vn.healthid.identity.keycloak.abuse.Requester;
import vn.healthid.identity.keycloak.abuse.SlotCounter;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.launch.ClinicVisits;
import vn.healthid.identity.keycloak.login.ChipLogin;
import vn.healthid.identity.keycloak.login.ChipLoginOutcome;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * Clinic back channel: a confidential client posts {@code chip_bundle} (answering a challenge from
 * {@code /realms/{realm}/cccd/challenge}) and gets a short-lived access token for the citizen, acting through the
 * clinic ({@code act.client_id}). No refresh token; the user session is transient.
 */
final class ChipGrantType extends OAuth2GrantTypeBase {

    static final String BUNDLE_PARAM = "chip_bundle";

    @Override
    public Response process(Context context) {
        setContext(context);
        if (client.isPublicClient() || client.isBearerOnly()) {
            event.detail(Details.REASON, "chip grant needs a confidential client")
                    .error(Errors.INVALID_CLIENT);
            throw new CorsErrorResponseException(
                    cors,
                    OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "confidential client required",
                    Response.Status.UNAUTHORIZED);
        }
        ChipService chip = session.getProvider(ChipService.class);
        String address = clientConnection.getRemoteAddr();
        RateLimiter limits = chip.rateLimits();
        SlotCounter.Admission admission = limits.byAddress(RateLimiter.Action.GRANT, address);
        if (admission.admitted()) {
            admission = limits.byClient(RateLimiter.Action.GRANT, client.getClientId());
        }
        if (!admission.admitted()) {
            return tooMany(admission);
        }
        String bundle = formParams.getFirst(BUNDLE_PARAM);
        ChipLoginOutcome outcome = new ChipLogin(session, realm)
                .authenticate(
                        bundle == null ? null : bundle.getBytes(StandardCharsets.UTF_8),
                        ChallengeBinding.backChannel(client.getClientId()),
                        chip.settings().proofRequired(),
                        new Requester(client.getClientId(), true, address, null));
        if (outcome instanceof ChipLoginOutcome.Rejected rejected) {
            rejected.record(event);
            throw new CorsErrorResponseException(
                    cors, OAuthErrorException.INVALID_GRANT, rejected.reason(), Response.Status.BAD_REQUEST);
        }
        return issue((ChipLoginOutcome.Accepted) outcome);
    }

    /**
     * 429 with Retry-After (RFC 6585). RFC 6749 names no token-endpoint error for overload; {@code
     * temporarily_unavailable} is its authorization-endpoint code for the same condition, and the stable reason is in
     * {@code error_description}.
     */
    private Response tooMany(SlotCounter.Admission refused) {
        event.detail(Details.REASON, RateLimiter.RATE_LIMITED).error("rate_limited");
        return cors.add(Response.status(429)
                .header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", "temporarily_unavailable", "error_description", RateLimiter.RATE_LIMITED))
                .type(MediaType.APPLICATION_JSON_TYPE));
    }

    private Response issue(ChipLoginOutcome.Accepted accepted) {
        var user = accepted.user();
        event.user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail("acr", accepted.level().acr());
        String requested = getRequestedScopes();
        String scope = ChipGrantScopes.issuable(requested);
        if (!ChipGrantScopes.leftOut(requested).isEmpty()) {
            event.detail("scope_left_out", String.join(" ", ChipGrantScopes.leftOut(requested)));
        }

        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, false)
                .createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(
                OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);

        UserSessionModel userSession = new UserSessionManager(session)
                .createUserSession(
                        authSession.getParentSession().getId(),
                        realm,
                        user,
                        user.getUsername(),
                        clientConnection.getRemoteHost(),
                        "cccd-chip",
                        false,
                        null,
                        null,
                        UserSessionModel.SessionPersistenceState.TRANSIENT);
        userSession.setNote(ChipSessionNotes.VERIFIED_AT, accepted.verifiedAt().toString());
        userSession.setNote(ChipSessionNotes.METHOD, accepted.method());
        userSession.setNote(ChipSessionNotes.ACR, accepted.level().acr());
        // auth_time (OIDC Core) is when the card proved the citizen, not when the clinic asked for the token.
        userSession.setNote(
                AuthenticationManager.AUTH_TIME,
                Long.toString(accepted.verifiedAt().getEpochSecond()));
        event.session((String) null);

        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx =
                TokenManager.attachAuthenticationSession(session, userSession, authSession);
        clientSessionCtx
                .getClientSession()
                .setNote(
                        Constants.LEVEL_OF_AUTHENTICATION,
                        Integer.toString(accepted.level().loa()));
        updateUserSessionFromClientAuth(userSession);
        if (clientSessionCtx.getClientScopesStream().anyMatch(ChipGrantScopes::beyondTheCitizen)) {
            event.detail(Details.REASON, "client has system/ or user/ default scopes")
                    .error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(
                    cors,
                    OAuthErrorException.INVALID_SCOPE,
                    "the chip grant issues patient/ scopes only; remove system/ and user/ default scopes of this client",
                    Response.Status.BAD_REQUEST);
        }

        TokenManager.AccessTokenResponseBuilder builder =
                createTokenResponseBuilder(user, userSession, clientSessionCtx, scope, null);
        AccessToken token = builder.getAccessToken();
        long lifetime = session.getProvider(ChipService.class)
                .settings()
                .tokenLifetime()
                .toSeconds();
        token.exp(token.getIat() + lifetime);
        token.setAcr(accepted.level().acr());
        token.getOtherClaims().put("act", Map.of("client_id", client.getClientId()));
        ClinicVisits.recordChipLogin(session, client.getClientId(), user);
        return createTokenResponse(builder, clientSessionCtx, false);
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }

    @Override
    public EventType getEventType() {
        return EventType.LOGIN;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(BUNDLE_PARAM);
    }
}
