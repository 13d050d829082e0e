package vn.healthid.identity.chip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every check's verdict, the citizen (only when verified) and the proof reached. Every check whose input is available
 * runs, whatever the others' verdicts, so {@link #failures()} lists every independent fault; a check whose input is
 * missing (no usable bundle, no parsed SOD, no readable DS certificate) is NOT_CHECKED with a NOT_CHECKED_NO_* reason,
 * never SUCCEEDED.
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
        return checks.stream().allMatch(VerificationResult::acceptable);
    }

    static boolean acceptable(CheckResult result) {
        return result.verdict() == Verdict.SUCCEEDED
                || (result.verdict() == Verdict.NOT_PRESENT
                        && (result.check() == Check.REVOCATION || result.check() == Check.ACTIVE_AUTHENTICATION));
    }

    /** The failed check that comes first in {@link Check} order. */
    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(CheckResult::failed).findFirst();
    }

    /** Every FAILED check, in {@link Check} order: all the independent faults of a refused card. */
    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }

    public CheckResult check(Check c) {
        return checks.stream()
                .filter(r -> r.check() == c)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + c));
    }
}
