package vn.healthid.identity.keycloak.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException;

/**
 * VNeID as an identity provider: Keycloak's OIDC broker wherever VNeID is standard, the VNeID wire format (one
 * adapter, {@link VneidWireClient}) when the provider is configured for it. Both paths end in the same
 * {@link VneidClaims}, checked against the minimum level before Keycloak looks up or creates any user.
 */
public final class VneidIdentityProvider extends OIDCIdentityProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VneidIdentityProviderConfig config;

    public VneidIdentityProvider(KeycloakSession session, VneidIdentityProviderConfig config) {
        super(session, config);
        this.config = config;
        if (config.wireMode() == WireMode.VNEID) {
            // No id_token, so no nonce to check: the login rests on state, PKCE (S256) and the sealed userinfo.
            config.setDisableNonce(true);
            config.setPkceEnabled(true);
            config.setPkceMethod("S256");
        }
    }

    @Override
    public VneidIdentityProviderConfig getConfig() {
        return config;
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new VneidEndpoint(new LevelGuard(callback, session, event, config), realm, event, this);
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        // This realm's acr names mean nothing to VNeID; the level comes back as accountLevel instead.
        return super.createAuthorizationUrl(request).replaceQueryParam(OAuth2Constants.ACR_VALUES);
    }

    /** VNeID wire format: the whole back-channel, then a brokered identity carrying the claims. */
    BrokeredIdentityContext vneidLogin(String codeParameter, String redirectUri, String codeVerifier) {
        VneidClaims claims = new VneidWireClient(session, config).login(codeParameter, redirectUri, codeVerifier);
        BrokeredIdentityContext identity = new BrokeredIdentityContext(claims.citizenPid(), config);
        VneidIdentity.write(identity, claims);
        return identity;
    }

    /** Standard OIDC: Keycloak validated the id_token and fetched userinfo; read VNeID's claims from both. */
    @Override
    protected BrokeredIdentityContext extractIdentity(
            AccessTokenResponse tokenResponse, String accessToken, JsonWebToken idToken) throws IOException {
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, accessToken, idToken);
        ObjectNode claims = idToken == null ? JSON.createObjectNode() : JSON.valueToTree(idToken.getOtherClaims());
        if (identity.getContextData().get(USER_INFO) instanceof JsonNode userInfo && userInfo.isObject()) {
            claims.setAll((ObjectNode) userInfo);
        }
        try {
            VneidIdentity.write(identity, VneidClaims.from(claims));
        } catch (VneidWireException e) {
            VneidIdentity.writeFailure(identity, "VNEID_" + e.reason().name());
        }
        return identity;
    }

    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        if (config.wireMode() == WireMode.STANDARD_OIDC) {
            super.authenticationFinished(authSession, context); // VNeID tokens are not kept: nothing here uses them
        }
        VneidIdentity.read(context)
                .ifPresent(claims -> VneidSessionLevel.apply(session, authSession, claims, config.levels()));
    }

    /** No token exchange: it would skip the level check and the linking rules. */
    @Override
    protected boolean supportsExternalExchange() {
        return false;
    }

    /**
     * The broker callback. Standard OIDC: Keycloak's own endpoint. VNeID wire format: state is checked by Keycloak as
     * usual (it finds the authentication session), then {@link VneidWireClient} does code -> token -> userinfo with the
     * PKCE verifier Keycloak kept in that session; the level is checked by {@link LevelGuard}.
     */
    public static final class VneidEndpoint extends OIDCEndpoint {

        /** Client note where Keycloak's OAuth2 broker keeps the PKCE code verifier. */
        private static final String PKCE_VERIFIER_NOTE = "BROKER_CODE_CHALLENGE";

        private final VneidIdentityProvider provider;
        private final LevelGuard guard;

        VneidEndpoint(LevelGuard guard, RealmModel realm, EventBuilder event, VneidIdentityProvider provider) {
            super(guard, realm, event, provider);
            this.provider = provider;
            this.guard = guard;
        }

        @GET
        @Override
        public Response authResponse(
                @QueryParam(OAuth2Constants.STATE) String state,
                @QueryParam(OAuth2Constants.CODE) String authorizationCode,
                @QueryParam(OAuth2Constants.ERROR) String error,
                @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
            if (provider.getConfig().wireMode() != WireMode.VNEID
                    || state == null
                    || error != null
                    || authorizationCode == null) {
                return super.authResponse(state, authorizationCode, error, errorDescription);
            }
            AuthenticationSessionModel authSession;
            try {
                authSession = callback.getAndVerifyAuthenticationSession(state);
            } catch (WebApplicationException e) {
                return e.getResponse();
            }
            session.getContext().setAuthenticationSession(authSession);
            try {
                String redirectUri = Urls.identityProviderAuthnResponse(
                                session.getContext().getUri().getBaseUri(),
                                provider.getConfig().getAlias(),
                                realm.getName())
                        .toString();
                BrokeredIdentityContext identity = provider.vneidLogin(
                        authorizationCode, redirectUri, authSession.getClientNote(PKCE_VERIFIER_NOTE));
                identity.setIdp(provider);
                identity.setAuthenticationSession(authSession);
                return callback.authenticated(identity);
            } catch (VneidRefusal refusal) {
                return guard.refuse(authSession, refusal);
            }
        }
    }
}
