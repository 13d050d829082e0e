package vn.healthid.identity.keycloak.login;

import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Records in Keycloak's per-level map (the one its Level-of-Authentication conditions and the SSO cookie read) every
 * level up to the one a proof reached, whatever level the step asked for: a card that did active authentication in a
 * level-1 step has proved level 3, so no later step of this login and no other client of this SSO session asks for
 * the card again (docs/chip-login.md, levels).
 */
public final class ReachedLevels {

    private ReachedLevels() {}

    public static void upTo(KeycloakSession session, AuthenticationSessionModel authSession, int loa) {
        AcrStore acr = new AcrStore(session, authSession);
        int current = acr.getLevelOfAuthenticationFromCurrentAuthentication();
        for (int level = 1; level <= loa; level++) {
            acr.setLevelAuthenticated(level);
        }
        acr.setLevelAuthenticatedToCurrentRequest(Math.max(current, loa));
        String reached = authSession.getAuthNote(Constants.LOA_MAP);
        if (reached != null) {
            authSession.setUserSessionNote(Constants.LOA_MAP, reached);
        }
    }
}
