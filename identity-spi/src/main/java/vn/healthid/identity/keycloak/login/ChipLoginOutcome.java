package vn.healthid.identity.keycloak.login;

import java.time.Instant;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.chip.VerifiedCitizen;
import vn.healthid.identity.keycloak.service.ChipLevels.Level;

/** What a chip login came to: a user at a level, or a reason code. */
public sealed interface ChipLoginOutcome {

    /** Keycloak event error of every rejected chip (the reason is in the {@code reason} detail). */
    String EVENT_ERROR = "invalid_chip";

    record Accepted(UserModel user, VerifiedCitizen citizen, Proof proof, Level level, Instant verifiedAt)
            implements ChipLoginOutcome {

        /** OIDC4IDA evidence method: "chip" for passive + active, "chip_pa" for passive only. */
        public String method() {
            return proof == Proof.PASSIVE_AND_ACTIVE ? "chip" : "chip_pa";
        }
    }

    /**
     * {@code reason}: a verifier ReasonCode name, or one of this extension's: BUNDLE_MISSING, CHALLENGE_NOT_ISSUED,
     * TOO_MANY_FAILURES, PROOF_INSUFFICIENT, USER_DISABLED, VERIFIER_NOT_CONFIGURED (and CARD_OF_ANOTHER_USER in a browser step-up). {@code maskedCard} is like 0790******45 or empty.
     */
    record Rejected(String reason, String check, String maskedCard) implements ChipLoginOutcome {

        /** Records the failure as a Keycloak event: reason codes and a masked number, never chip data. */
        public void record(EventBuilder event) {
            event.detail("reason", reason).detail("chip_check", check);
            if (!maskedCard.isEmpty()) {
                event.detail("card", maskedCard);
            }
            event.error(EVENT_ERROR);
        }
    }
}
