package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.keycloak.challenge.CccdResource;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.challenge.IssuedChallenge;
import vn.healthid.identity.keycloak.login.ChipLogin;
import vn.healthid.identity.keycloak.login.ChipLoginOutcome;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.login.ReachedLevels;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * Browser chip login. Cross-device: the page shows a QR code / deep link with the challenge and the phone callback
 * URL and polls until the phone has posted the bundle. Kiosk: the same page accepts the bundle in the form. Every
 * check runs again in {@link #action}: the challenge note is scoped to this execution and consumed once.
 */
final class ChipBrowserAuthenticator implements Authenticator {

    private static final String NOTE_CHALLENGE = "healthid.chip.challenge.";
    /** Set once a chip with passive + active proof was verified in this authentication session, for this user. */
    private static final String NOTE_ACTIVE_USER = "healthid.chip.active-proof-user";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String provenUser = context.getAuthenticationSession().getAuthNote(NOTE_ACTIVE_USER);
        if (provenUser != null
                && context.getUser() != null
                && provenUser.equals(context.getUser().getId())) {
            // The same card already gave passive + active proof in this login (a lower level's sub-flow).
            context.success();
            return;
        }
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String noteKey = NOTE_CHALLENGE + context.getExecution().getId();
        String challenge = authSession.getAuthNote(noteKey);
        if (form.containsKey("restart") || challenge == null) {
            context.challenge(page(context, null));
            return;
        }
        Optional<byte[]> bundle = Optional.ofNullable(form.getFirst("chip_bundle"))
                .filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .or(() -> new PhoneInbox(context.getSession().getProvider(SingleUseObjectProvider.class))
                        .take(challenge));
        if (bundle.isEmpty()) {
            // Not yet posted: keep the same challenge and keep waiting.
            context.challenge(ChipLoginPage.render(context, challenge, null));
            return;
        }
        authSession.removeAuthNote(noteKey);
        ChipService chip = context.getSession().getProvider(ChipService.class);
        ChipLoginOutcome outcome = new ChipLogin(context.getSession(), context.getRealm())
                .authenticate(
                        bundle.get(),
                        binding(context),
                        ChipBrowserConfig.of(context, chip.settings()).requiredProof());
        if (outcome instanceof ChipLoginOutcome.Rejected rejected) {
            rejected.record(context.getEvent());
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, rejected.reason()));
            return;
        }
        succeed(context, (ChipLoginOutcome.Accepted) outcome);
    }

    private void succeed(AuthenticationFlowContext context, ChipLoginOutcome.Accepted accepted) {
        UserModel known = context.getUser();
        if (known != null && !known.getId().equals(accepted.user().getId())) {
            // Step-up with another person's card.
            new ChipLoginOutcome.Rejected("CARD_OF_ANOTHER_USER", "CONSISTENCY", "").record(context.getEvent());
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, page(context, "CARD_OF_ANOTHER_USER"));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.setUser(accepted.user());
        authSession.setUserSessionNote(
                ChipSessionNotes.VERIFIED_AT, accepted.verifiedAt().toString());
        authSession.setUserSessionNote(ChipSessionNotes.METHOD, accepted.method());
        authSession.setUserSessionNote(ChipSessionNotes.ACR, accepted.level().acr());
        if (accepted.proof() == Proof.PASSIVE_AND_ACTIVE) {
            authSession.setAuthNote(NOTE_ACTIVE_USER, accepted.user().getId());
            ReachedLevels.upTo(
                    context.getSession(), authSession, accepted.level().loa());
        }
        context.getEvent().detail("acr", accepted.level().acr());
        context.success();
    }

    /** A fresh challenge for this client and this browser tab, remembered in an execution-scoped note. */
    private Response page(AuthenticationFlowContext context, String rejectedReason) {
        ChipService chip = context.getSession().getProvider(ChipService.class);
        IssuedChallenge issued =
                CccdResource.challenges(context.getSession(), chip).issue(binding(context));
        context.getAuthenticationSession()
                .setAuthNote(NOTE_CHALLENGE + context.getExecution().getId(), issued.challenge());
        return ChipLoginPage.render(context, issued.challenge(), rejectedReason);
    }

    private static ChallengeBinding binding(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return ChallengeBinding.browser(
                authSession.getClient().getClientId(),
                authSession.getParentSession().getId(),
                authSession.getTabId());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
