package vn.healthid.identity.keycloak.login;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.healthid.identity.chip.BundleParse;
import vn.healthid.identity.chip.Check;
import vn.healthid.identity.chip.CheckResult;
import vn.healthid.identity.chip.ChipBundle;
import vn.healthid.identity.chip.ChipBundleParser;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.chip.VerificationResult;
import vn.healthid.identity.keycloak.abuse.CardNumber;
import vn.healthid.identity.keycloak.abuse.FailureThrottle;
import vn.healthid.identity.keycloak.abuse.Requester;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.service.ChipService;
import vn.healthid.identity.keycloak.service.ChipSettings;
import vn.healthid.identity.keycloak.user.CitizenUsers;
import vn.healthid.identity.keycloak.user.NationalIds;
import vn.healthid.identity.keycloak.user.PatientIds;

/**
 * The one path every flow takes with a chip bundle: size limit, parse, failure lock of the requester (session,
 * address, confidential client; never the unverified card number), single-use challenge, verify, proof policy, then
 * the user. Each step that says no returns a {@link ChipLoginOutcome.Rejected}; a refused proof counts against the
 * requester.
 */
public final class ChipLogin {

    /** Too many refused proofs from this session, address or client: wait {@code lockout-duration}. */
    public static final String TOO_MANY_FAILURES = "TOO_MANY_FAILURES";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ChipService chip;

    public ChipLogin(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.chip = session.getProvider(ChipService.class);
    }

    public ChipLoginOutcome authenticate(
            byte[] bundleJson, ChallengeBinding binding, Proof required, Requester requester) {
        ChipSettings settings = chip.settings();
        if (bundleJson == null || bundleJson.length == 0) {
            return rejected("BUNDLE_MISSING", Check.BUNDLE, "");
        }
        if (bundleJson.length > settings.maxBundleBytes()) {
            return rejected("BUNDLE_TOO_LARGE", Check.BUNDLE, ""); // before any parsing
        }
        Optional<ChipVerifier> verifier = chip.verifier();
        if (verifier.isEmpty()) {
            return rejected("VERIFIER_NOT_CONFIGURED", Check.BUNDLE, "");
        }
        BundleParse parse = new ChipBundleParser(settings.maxBundleBytes()).parse(bundleJson);
        if (parse.bundle().isEmpty()) {
            return rejected(parse.failure().reason().name(), Check.BUNDLE, "");
        }
        ChipBundle bundle = parse.bundle().get();
        Optional<String> card = CardNumber.claimedBy(bundle);
        String masked = card.map(NationalIds::mask).orElse("");
        FailureThrottle failures = chip.failures();
        if (failures.isLocked(requester)) {
            return rejected(TOO_MANY_FAILURES, Check.BUNDLE, masked);
        }
        Optional<byte[]> nonce = chip.challenges().consume(bundle.challenge(), binding);
        if (nonce.isEmpty()) {
            return rejected("CHALLENGE_NOT_ISSUED", Check.CHALLENGE, masked);
        }
        VerificationResult result = verifier.get().verify(bundle, nonce.get());
        if (!result.verified() || result.citizen().isEmpty()) {
            failures.recordFailure(requester);
            CheckResult failure = result.firstFailure().orElse(result.check(Check.ACTIVE_AUTHENTICATION));
            return rejected(failure.reason().name(), failure.check(), masked);
        }
        if (required == Proof.PASSIVE_AND_ACTIVE && result.proof() != Proof.PASSIVE_AND_ACTIVE) {
            return rejected("PROOF_INSUFFICIENT", Check.ACTIVE_AUTHENTICATION, masked);
        }
        var citizen = result.citizen().get();
        var user = new CitizenUsers(session, realm, new PatientIds(settings.patientIdKey()))
                .upsert(citizen, result.verifiedAt());
        if (!user.isEnabled()) {
            return rejected("USER_DISABLED", Check.CONSISTENCY, masked); // an admin's decision stands over the card
        }
        return new ChipLoginOutcome.Accepted(
                user, citizen, result.proof(), settings.levels().forProof(result.proof()), result.verifiedAt());
    }

    private static ChipLoginOutcome rejected(String reason, Check check, String maskedCard) {
        return new ChipLoginOutcome.Rejected(reason, check.name(), maskedCard);
    }
}
