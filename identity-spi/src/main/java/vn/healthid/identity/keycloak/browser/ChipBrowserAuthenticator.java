package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.healthid.identity.chip.ChipBundleParser;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.keycloak.abuse.Requester;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.challenge.IssuedChallenge;
import vn.healthid.identity.keycloak.login.ChipLogin;
import vn.healthid.identity.keycloak.login.ChipLoginOutcome;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.login.ReachedLevels;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * Browser chip login. Cross-device: the page shows a QR code / deep link with the challenge and the phone callback
 * URL and polls until the phone has posted the bundle; the bundle is verified, and the page then shows whose card it
 * is (masked number, name, face) and logs in only when the person confirms it is theirs. "Not me", or a second
 * bundle sent to the same challenge, aborts the login. Kiosk: the same page accepts the bundle in the form (the card
 * was read on this device: no confirmation). Every check runs again in {@link #action}: the challenge note is scoped
 * to this execution and consumed once.
 */
final class ChipBrowserAuthenticator implements Authenticator {

    static final String NOT_MY_CARD = "NOT_MY_CARD";
    static final String BUNDLE_DELIVERED_TWICE = "BUNDLE_DELIVERED_TWICE";

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
        String executionId = context.getExecution().getId();
        Optional<PendingConfirmation> pending = PendingConfirmation.load(authSession, executionId);
        if (pending.isPresent()) {
            confirmation(context, form, pending.get());
            return;
        }
        String noteKey = NOTE_CHALLENGE + executionId;
        String challenge = authSession.getAuthNote(noteKey);
        if (form.containsKey("restart") || challenge == null) {
            context.challenge(page(context, null));
            return;
        }
        Optional<byte[]> kiosk = Optional.ofNullable(form.getFirst("chip_bundle"))
                .filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        if (kiosk.isPresent()) {
            authSession.removeAuthNote(noteKey);
            verify(context, kiosk.get(), requester(context, null)).ifPresent(accepted -> succeed(context, accepted));
            return;
        }
        PhoneInbox inbox = inbox(context);
        if (inbox.isContested(challenge)) {
            abort(context, challenge, BUNDLE_DELIVERED_TWICE, "");
            return;
        }
        Optional<PhoneInbox.Delivery> delivery = inbox.take(challenge);
        if (delivery.isEmpty()) {
            // Not yet posted: keep the same challenge and keep waiting.
            context.challenge(ChipLoginPage.render(context, challenge, null));
            return;
        }
        authSession.removeAuthNote(noteKey);
        byte[] bundle = delivery.get().bundle();
        Optional<ChipLoginOutcome.Accepted> accepted =
                verify(context, bundle, requester(context, delivery.get().fromAddress()));
        if (accepted.isEmpty()) {
            return;
        }
        if (inbox.isContested(challenge)) {
            abort(
                    context,
                    challenge,
                    BUNDLE_DELIVERED_TWICE,
                    accepted.get().citizen().maskedNumber());
            return;
        }
        PendingConfirmation confirmation = PendingConfirmation.of(challenge, accepted.get(), face(context, bundle));
        confirmation.save(authSession, executionId);
        context.challenge(ChipConfirmPage.render(context, confirmation));
    }

    /** The confirmation page answered: "It is me" logs in (unless a second bundle came meanwhile), "Not me" aborts. */
    private void confirmation(
            AuthenticationFlowContext context, MultivaluedMap<String, String> form, PendingConfirmation pending) {
        if (!form.containsKey("confirm") && !form.containsKey("not-me")) {
            context.challenge(ChipConfirmPage.render(context, pending));
            return;
        }
        PendingConfirmation.clear(
                context.getAuthenticationSession(), context.getExecution().getId());
        if (form.containsKey("not-me")) {
            abort(context, pending.challenge(), NOT_MY_CARD, pending.maskedNumber());
            return;
        }
        if (inbox(context).isContested(pending.challenge())) {
            abort(context, pending.challenge(), BUNDLE_DELIVERED_TWICE, pending.maskedNumber());
            return;
        }
        UserModel user = context.getSession().users().getUserById(context.getRealm(), pending.userId());
        if (user == null || !user.isEnabled()) {
            reject(context, new ChipLoginOutcome.Rejected("USER_DISABLED", "CONSISTENCY", pending.maskedNumber()));
            return;
        }
        succeed(
                context,
                new Proven(
                        user, pending.proof(), pending.acr(), pending.loa(), pending.verifiedAt(), pending.method()));
    }

    private Optional<ChipLoginOutcome.Accepted> verify(
            AuthenticationFlowContext context, byte[] bundle, Requester requester) {
        ChipService chip = context.getSession().getProvider(ChipService.class);
        ChipLoginOutcome outcome = new ChipLogin(context.getSession(), context.getRealm())
                .authenticate(
                        bundle,
                        binding(context),
                        ChipBrowserConfig.of(context, chip.settings()).requiredProof(),
                        requester);
        if (outcome instanceof ChipLoginOutcome.Rejected rejected) {
            reject(context, rejected);
            return Optional.empty();
        }
        return Optional.of((ChipLoginOutcome.Accepted) outcome);
    }

    private void reject(AuthenticationFlowContext context, ChipLoginOutcome.Rejected rejected) {
        rejected.record(context.getEvent());
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, rejected.reason()));
    }

    /**
     * Ends this login: the event names the reason, the challenge is used up (a phone can no longer post to it), and
     * the page says in plain words what happened. The client gets nothing; a new login starts from the client.
     */
    private void abort(AuthenticationFlowContext context, String challenge, String reason, String maskedCard) {
        context.getAuthenticationSession()
                .removeAuthNote(NOTE_CHALLENGE + context.getExecution().getId());
        ChipService chip = context.getSession().getProvider(ChipService.class);
        chip.challenges().consume(challenge, binding(context));
        PhoneInbox inbox = inbox(context);
        inbox.take(challenge);
        inbox.markContested(challenge, chip.settings().challengeTtl());
        new ChipLoginOutcome.Rejected(reason, "CHALLENGE", maskedCard).record(context.getEvent());
        Response page = context.form()
                .setError(NOT_MY_CARD.equals(reason) ? "cccdAbortedNotMe" : "cccdAbortedTwice", reason)
                .createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    private void succeed(AuthenticationFlowContext context, ChipLoginOutcome.Accepted accepted) {
        succeed(
                context,
                new Proven(
                        accepted.user(),
                        accepted.proof(),
                        accepted.level().acr(),
                        accepted.level().loa(),
                        accepted.verifiedAt(),
                        accepted.method()));
    }

    private void succeed(AuthenticationFlowContext context, Proven proven) {
        UserModel known = context.getUser();
        if (known != null && !known.getId().equals(proven.user().getId())) {
            // Step-up with another person's card.
            reject(context, new ChipLoginOutcome.Rejected("CARD_OF_ANOTHER_USER", "CONSISTENCY", ""));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.setUser(proven.user());
        authSession.setUserSessionNote(
                ChipSessionNotes.VERIFIED_AT, proven.verifiedAt().toString());
        authSession.setUserSessionNote(ChipSessionNotes.METHOD, proven.method());
        authSession.setUserSessionNote(ChipSessionNotes.ACR, proven.acr());
        if (proven.proof() == Proof.PASSIVE_AND_ACTIVE) {
            authSession.setAuthNote(NOTE_ACTIVE_USER, proven.user().getId());
            ReachedLevels.upTo(context.getSession(), authSession, proven.loa());
        }
        context.getEvent().detail("acr", proven.acr());
        context.success();
    }

    /** A fresh challenge for this client and this browser tab, remembered in an execution-scoped note. */
    private Response page(AuthenticationFlowContext context, String rejectedReason) {
        ChipService chip = context.getSession().getProvider(ChipService.class);
        IssuedChallenge issued = chip.challenges().issue(binding(context));
        context.getAuthenticationSession()
                .setAuthNote(NOTE_CHALLENGE + context.getExecution().getId(), issued.challenge());
        return ChipLoginPage.render(context, issued.challenge(), rejectedReason);
    }

    private static Optional<String> face(AuthenticationFlowContext context, byte[] bundle) {
        int max = context.getSession().getProvider(ChipService.class).settings().maxBundleBytes();
        return new ChipBundleParser(max)
                .parse(bundle)
                .bundle()
                .flatMap(b -> FacePicture.dataUrl(b.files().get("DG2")));
    }

    /**
     * Failures count against this browser session and the address the bundle came from: the phone's for a phone
     * delivery (so a passer-by posting bad cards to someone's QR code does not lock that person's network out), this
     * browser's for the kiosk. Never against the public client: its id is no credential.
     */
    private static Requester requester(AuthenticationFlowContext context, String phoneAddress) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String address = phoneAddress == null || phoneAddress.isEmpty()
                ? context.getConnection().getRemoteAddr()
                : phoneAddress;
        return new Requester(
                authSession.getClient().getClientId(),
                false,
                address,
                authSession.getParentSession().getId());
    }

    private static PhoneInbox inbox(AuthenticationFlowContext context) {
        return new PhoneInbox(context.getSession().getProvider(SingleUseObjectProvider.class));
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

    /** What a verified card proved, from the chip login or from the confirmation notes. */
    private record Proven(UserModel user, Proof proof, String acr, int loa, Instant verifiedAt, String method) {}
}
