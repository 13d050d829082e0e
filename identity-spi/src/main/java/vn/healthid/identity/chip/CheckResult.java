package vn.healthid.identity.chip;

import java.util.Map;
import java.util.Objects;

/**
 * One check's verdict, its reason code and the evidence behind it (for example the stored and computed hash of a
 * data group). Evidence never holds personal data from the chip.
 */
public record CheckResult(Check check, Verdict verdict, ReasonCode reason, Map<String, String> evidence) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }

    public static CheckResult succeeded(Check check, Map<String, String> evidence) {
        return new CheckResult(check, Verdict.SUCCEEDED, ReasonCode.OK, evidence);
    }

    public static CheckResult failed(Check check, ReasonCode reason, Map<String, String> evidence) {
        return new CheckResult(check, Verdict.FAILED, reason, evidence);
    }

    public static CheckResult notPresent(Check check, ReasonCode reason, Map<String, String> evidence) {
        return new CheckResult(check, Verdict.NOT_PRESENT, reason, evidence);
    }

    /** A check that could not run because its input is missing; {@code reason} names the missing input. */
    public static CheckResult notChecked(Check check, ReasonCode reason, Map<String, String> evidence) {
        return new CheckResult(check, Verdict.NOT_CHECKED, reason, evidence);
    }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }
}
