package vn.healthid.identity.keycloak.launch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.cors.Cors;
import vn.healthid.identity.keycloak.claims.FhirUserMapper;

/**
 * EHR launch (SMART App Launch 2.0, "launch" scope): the app sent {@code launch=<value>} on the authorization
 * request; at the first token the value is redeemed once ({@link LaunchStore}), must be for this app and from a
 * clinic the app accepts, and, when the signed-in user acts as a patient, for that patient. The token response then
 * carries {@code patient} (and {@code encounter}); the bound context is kept in the client session, so refreshed
 * tokens carry it too, and a later authorization without a launch clears it. Any refusal is {@code invalid_grant}
 * with a {@link LaunchRefusal} code.
 *
 * <p>Token introspection (SMART 2.0: a launch context parameter of the token response SHALL be in the introspection
 * response) adds the same {@code patient} and {@code encounter}, read from the client session and never redeeming
 * anything, for a token issued at or after the binding: a token of an earlier launch of the same client session does
 * not show a later launch's patient.
 */
public final class LaunchContextMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "healthid-smart-launch-context-mapper";
    /** Keycloak keeps unknown authorization parameters as client notes with this prefix. */
    static final String LAUNCH_PARAM_NOTE =
            AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + "launch";

    private static final String BOUND_PATIENT = "healthid.smart.launch.patient";
    private static final String BOUND_ENCOUNTER = "healthid.smart.launch.encounter";
    /** {@code iat} of the access token issued with the binding: older tokens of this client session predate it. */
    private static final String BOUND_SINCE = "healthid.smart.launch.since";

    @Override
    public AccessTokenResponse transformAccessTokenResponse(
            AccessTokenResponse response,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        String launch = clientSession.getNote(LAUNCH_PARAM_NOTE);
        if (launch != null) {
            // this authorization sent a launch: redeem it now, once. Single sign-on keeps the client session and
            // merges the new request's notes into it, so the parameter note is removed once redeemed.
            clearBound(clientSession);
            clientSession.removeNote(LAUNCH_PARAM_NOTE);
            bind(session, userSession, clientSession, launch);
            clientSession.setNote(BOUND_SINCE, Long.toString(issuedAt(response)));
        } else if (OAuth2Constants.AUTHORIZATION_CODE.equals(grantType(session))) {
            // a new authorization without a launch: no context left over from an earlier one
            clearBound(clientSession);
        }
        String patient = clientSession.getNote(BOUND_PATIENT);
        if (patient == null) {
            return response;
        }
        response.setOtherClaims("patient", patient);
        String encounter = clientSession.getNote(BOUND_ENCOUNTER);
        if (encounter != null) {
            response.setOtherClaims("encounter", encounter);
        }
        return response;
    }

    private static String grantType(KeycloakSession session) {
        var request = session.getContext().getHttpRequest();
        return request == null ? null : request.getDecodedFormParameters().getFirst(OAuth2Constants.GRANT_TYPE);
    }

    private static void clearBound(AuthenticatedClientSessionModel clientSession) {
        clientSession.removeNote(BOUND_PATIENT);
        clientSession.removeNote(BOUND_ENCOUNTER);
        clientSession.removeNote(BOUND_SINCE);
    }

    /** The {@code iat} of the access token in this response (Keycloak encodes it before the response mappers run). */
    private static long issuedAt(AccessTokenResponse response) {
        try {
            Long iat = new org.keycloak.jose.jws.JWSInput(response.getToken())
                    .readJsonContent(AccessToken.class)
                    .getIat();
            if (iat != null) {
                return iat;
            }
        } catch (org.keycloak.jose.jws.JWSInputException | RuntimeException unreadable) {
            // fall through to now: at worst this very token then introspects without the context
        }
        return org.keycloak.common.util.Time.currentTime();
    }

    @Override
    public AccessToken transformIntrospectionToken(
            AccessToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        if (!OIDCAttributeMapperHelper.includeInIntrospection(model)) {
            return token;
        }
        boundTo(clientSessionCtx.getClientSession(), token).ifPresent(bound -> {
            token.getOtherClaims().put("patient", bound.patient());
            if (bound.encounter() != null) {
                token.getOtherClaims().put("encounter", bound.encounter());
            }
        });
        return token;
    }

    /** The EHR context bound in this client session, when {@code token} was issued with or after that binding. */
    static Optional<Bound> boundTo(AuthenticatedClientSessionModel clientSession, AccessToken token) {
        String patient = clientSession.getNote(BOUND_PATIENT);
        String since = clientSession.getNote(BOUND_SINCE);
        if (patient == null || since == null || token.getIat() == null) {
            return Optional.empty();
        }
        try {
            if (token.getIat() < Long.parseLong(since)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Bound(patient, clientSession.getNote(BOUND_ENCOUNTER)));
    }

    /** A bound EHR launch context; {@code encounter} may be null. */
    record Bound(String patient, String encounter) {}

    private static void bind(
            KeycloakSession session,
            UserSessionModel userSession,
            AuthenticatedClientSessionModel clientSession,
            String launch) {
        ClientModel app = clientSession.getClient();
        Optional<LaunchContext> redeemed = new LaunchStore(
                        session.getProvider(SingleUseObjectProvider.class), Clock.systemUTC())
                .redeem(launch)
                .filter(context -> context.app().equals(app.getClientId()))
                .filter(context -> LaunchClients.acceptsLaunchesFrom(app, context.clinic()));
        if (redeemed.isEmpty()) {
            throw refused(session, LaunchRefusal.LAUNCH_INVALID);
        }
        LaunchContext context = redeemed.get();
        Optional<String> fhirUser = FhirUserMapper.of(session, userSession, app);
        if (fhirUser.isPresent()
                && fhirUser.get().startsWith("Patient/")
                && !fhirUser.get().equals("Patient/" + context.patient())) {
            throw refused(session, LaunchRefusal.LAUNCH_PATIENT_MISMATCH);
        }
        clientSession.setNote(BOUND_PATIENT, context.patient());
        if (context.encounter() != null) {
            clientSession.setNote(BOUND_ENCOUNTER, context.encounter());
        }
    }

    private static CorsErrorResponseException refused(KeycloakSession session, LaunchRefusal refusal) {
        return new CorsErrorResponseException(
                session.getProvider(Cors.class), refusal.error(), refusal.description(), refusal.status());
    }

    /** True when this client session carries an EHR launch (the standalone mapper then stays out). */
    static boolean hasLaunch(AuthenticatedClientSessionModel clientSession) {
        return clientSession.getNote(LAUNCH_PARAM_NOTE) != null || clientSession.getNote(BOUND_PATIENT) != null;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "SMART EHR launch context";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Redeems the launch parameter once and adds patient (and encounter) to the token response.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return introspectionConfig();
    }

    /** The one setting of both launch mappers: add the context to token introspection (on by default). */
    static List<ProviderConfigProperty> introspectionConfig() {
        ProviderConfigProperty introspection = new ProviderConfigProperty();
        introspection.setName(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION);
        introspection.setLabel(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION_LABEL);
        introspection.setHelpText(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION_HELP_TEXT);
        introspection.setType(ProviderConfigProperty.BOOLEAN_TYPE);
        introspection.setDefaultValue("true");
        List<ProviderConfigProperty> config = new ArrayList<>();
        config.add(introspection);
        return config;
    }
}
