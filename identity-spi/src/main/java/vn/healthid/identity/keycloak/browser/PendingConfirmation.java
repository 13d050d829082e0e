package vn.healthid.identity.keycloak.browser;

import java.time.Instant;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.keycloak.login.ChipLoginOutcome;

/**
 * A card a phone delivered, verified, and waiting for the person at the browser to say it is theirs (login CSRF:
 * whoever sees the QR code can post their own card first). Kept in execution-scoped authentication-session notes;
 * nothing of it reaches the user session before the confirmation.
 */
record PendingConfirmation(
        String challenge,
        String userId,
        Proof proof,
        String acr,
        int loa,
        Instant verifiedAt,
        String method,
        String maskedNumber,
        String name,
        String face) {

    private static final String NOTE = "healthid.chip.pending.";

    static PendingConfirmation of(String challenge, ChipLoginOutcome.Accepted accepted, Optional<String> face) {
        return new PendingConfirmation(
                challenge,
                accepted.user().getId(),
                accepted.proof(),
                accepted.level().acr(),
                accepted.level().loa(),
                accepted.verifiedAt(),
                accepted.method(),
                accepted.citizen().maskedNumber(),
                accepted.citizen().fullName(),
                face.orElse(""));
    }

    void save(AuthenticationSessionModel authSession, String executionId) {
        String prefix = NOTE + executionId + ".";
        authSession.setAuthNote(prefix + "challenge", challenge);
        authSession.setAuthNote(prefix + "user", userId);
        authSession.setAuthNote(prefix + "proof", proof.name());
        authSession.setAuthNote(prefix + "acr", acr);
        authSession.setAuthNote(prefix + "loa", Integer.toString(loa));
        authSession.setAuthNote(prefix + "verified-at", verifiedAt.toString());
        authSession.setAuthNote(prefix + "method", method);
        authSession.setAuthNote(prefix + "masked", maskedNumber);
        authSession.setAuthNote(prefix + "name", name);
        authSession.setAuthNote(prefix + "face", face);
    }

    static Optional<PendingConfirmation> load(AuthenticationSessionModel authSession, String executionId) {
        String prefix = NOTE + executionId + ".";
        String challenge = authSession.getAuthNote(prefix + "challenge");
        if (challenge == null) {
            return Optional.empty();
        }
        return Optional.of(new PendingConfirmation(
                challenge,
                authSession.getAuthNote(prefix + "user"),
                Proof.valueOf(authSession.getAuthNote(prefix + "proof")),
                authSession.getAuthNote(prefix + "acr"),
                Integer.parseInt(authSession.getAuthNote(prefix + "loa")),
                Instant.parse(authSession.getAuthNote(prefix + "verified-at")),
                authSession.getAuthNote(prefix + "method"),
                authSession.getAuthNote(prefix + "masked"),
                authSession.getAuthNote(prefix + "name"),
                authSession.getAuthNote(prefix + "face")));
    }

    static void clear(AuthenticationSessionModel authSession, String executionId) {
        String prefix = NOTE + executionId + ".";
        for (String name : new String[] {
            "challenge", "user", "proof", "acr", "loa", "verified-at", "method", "masked", "name", "face"
        }) {
            authSession.removeAuthNote(prefix + name);
        }
    }
}
