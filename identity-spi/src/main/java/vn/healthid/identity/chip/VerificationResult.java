package vn.healthid.identity.chip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every check's verdict, the citizen (only when verified) and the proof reached. A check that was not run because an
 * earlier one failed is NOT_CHECKED, never SUCCEEDED.
 */
public record VerificationResult(
        List<CheckResult> checks, Optional<VerifiedCitizen> citizen, Proof proof, Instant verifiedAt) {

    public VerificationResult {
        checks = List.copyOf(checks);
        citizen = citizen == null ? Optional.empty() : citizen;
    }

    /** Every check SUCCEEDED or is an acceptable NOT_PRESENT (no CRL configured, no active authentication). */
    public boolean verified() {
        if (proof == Proof.NONE || checks.size() != Check.values().length) {
            return false;
        }
        for (CheckResult result : checks) {
            boolean acceptable = result.verdict() == Verdict.SUCCEEDED
                    || (result.verdict() == Verdict.NOT_PRESENT
                            && (result.check() == Check.REVOCATION || result.check() == Check.ACTIVE_AUTHENTICATION));
            if (!acceptable) {
                return false;
            }
        }
        return true;
    }

    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(CheckResult::failed).findFirst();
    }

    public CheckResult check(Check c) {
        return checks.stream()
                .filter(r -> r.check() == c)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + c));
    }
}
