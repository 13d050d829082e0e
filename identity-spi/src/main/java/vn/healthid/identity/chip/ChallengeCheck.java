package vn.healthid.identity.chip;

import java.security.MessageDigest;
import java.util.Map;

/** The bundle must name the nonce this verifier issued (constant-time comparison); the bundle is never trusted. */
final class ChallengeCheck {

    CheckResult run(Verification v) {
        byte[] claimed = Base64Text.decode(v.bundle.challenge());
        if (claimed == null || !MessageDigest.isEqual(claimed, v.issuedNonce)) {
            return CheckResult.failed(
                    Check.CHALLENGE, ReasonCode.CHALLENGE_MISMATCH, Map.of("detail", "not the issued nonce"));
        }
        return CheckResult.succeeded(Check.CHALLENGE, Map.of());
    }
}
