package vn.healthid.identity.keycloak.vneid;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

/**
 * Stands between the broker endpoint and Keycloak for both wire formats: a login reaches Keycloak (and so any user
 * lookup or creation) only with readable claims at or above the configured minimum level.
 */
final class LevelGuard implements AuthenticationCallback {

    private final AuthenticationCallback delegate;
    private final KeycloakSession session;
    private final EventBuilder event;
    private final VneidIdentityProviderConfig config;
    private final CitizenPatientIds patientIds;

    LevelGuard(
            AuthenticationCallback delegate,
            KeycloakSession session,
            EventBuilder event,
            VneidIdentityProviderConfig config) {
        this.delegate = delegate;
        this.session = session;
        this.event = event;
        this.config = config;
        this.patientIds = new CitizenPatientIds(session);
    }

    @Override
    public Response authenticated(BrokeredIdentityContext identity) {
        try {
            Optional<VneidClaims> claims = VneidIdentity.read(identity);
            if (claims.isEmpty()) {
                String reason = VneidIdentity.failure(identity).orElse("VNEID_CLAIMS_INVALID");
                throw VneidRefusal.invalidAnswer(reason, null);
            }
            int minimum = config.minimumLevel();
            if (claims.get().accountLevel() < minimum) {
                throw VneidRefusal.levelTooLow(claims.get().accountLevel(), minimum);
            }
            VneidIdentity.adoptPatientId(
                    identity, patientIds.patientId(claims.get().citizenPid()), config.getAlias());
        } catch (VneidRefusal refusal) {
            return refuse(identity.getAuthenticationSession(), refusal);
        }
        return delegate.authenticated(identity);
    }

    Response refuse(AuthenticationSessionModel authSession, VneidRefusal refusal) {
        return VneidErrorPage.refuse(session, authSession, event, config.getAlias(), refusal);
    }

    @Override
    public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
        return delegate.getAndVerifyAuthenticationSession(encodedCode);
    }

    @Override
    public Response cancelled(IdentityProviderModel idpConfig) {
        return delegate.cancelled(idpConfig);
    }

    @Override
    public Response retryLogin(
            UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
        return delegate.retryLogin(identityProvider, authSession);
    }

    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        return delegate.error(idpConfig, message);
    }
}
