package vn.healthid.identity.keycloak.vneid;

import java.time.Instant;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

/**
 * Puts the VNeID level on the session so that {@code acr} reflects it and step-up works: the level of this request
 * (Keycloak's acr mapper reads it) and the per-level map the Level-of-Authentication conditions read on the next
 * request, for every level up to the one reached and never above. The chip's session notes name the acr (the chip
 * acr mapper uses them when several acr values share one LoA) and the evidence method ({@code vneid}).
 */
final class VneidSessionLevel {

    /** Keycloak's auth-session and user-session note of reached levels (AcrStore, ConditionalLoaAuthenticator). */
    private static final String LOA_MAP = "loa-map";

    public static final String METHOD = "vneid";

    private VneidSessionLevel() {}

    static void apply(
            KeycloakSession session, AuthenticationSessionModel authSession, VneidClaims claims, VneidLevels levels) {
        VneidLevels.Level level = levels.forAccountLevel(claims.accountLevel());
        AcrStore acr = new AcrStore(session, authSession);
        for (int loa = 1; loa <= level.loa(); loa++) {
            acr.setLevelAuthenticated(loa);
        }
        acr.setLevelAuthenticatedToCurrentRequest(level.loa());
        String reached = authSession.getAuthNote(LOA_MAP);
        if (reached != null) {
            authSession.setUserSessionNote(LOA_MAP, reached);
        }
        authSession.setUserSessionNote(ChipSessionNotes.ACR, level.acr());
        if (claims.accountLevel() != 2) {
            return; // level 1 is self-registered: no verified identity, so no verified_claims evidence
        }
        Instant now = Instant.now();
        authSession.setUserSessionNote(ChipSessionNotes.METHOD, METHOD);
        authSession.setUserSessionNote(ChipSessionNotes.VERIFIED_AT, now.toString());
        UserModel user = authSession.getAuthenticatedUser();
        if (user != null) {
            user.setSingleAttribute(VneidUserAttributes.VNEID_VERIFIED_AT, now.toString());
        }
    }
}
