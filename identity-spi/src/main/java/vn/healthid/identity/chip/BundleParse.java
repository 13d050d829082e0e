package vn.healthid.identity.chip;

import java.util.Optional;

/** The result of parsing a bundle: the bundle, or none; {@code failure} is the BUNDLE check (SUCCEEDED when parsed). */
public record BundleParse(Optional<ChipBundle> bundle, CheckResult failure) {

    static BundleParse ok(ChipBundle bundle) {
        return new BundleParse(Optional.of(bundle), CheckResult.succeeded(Check.BUNDLE, java.util.Map.of()));
    }

    static BundleParse rejected(ReasonCode reason, String detail) {
        return new BundleParse(
                Optional.empty(), CheckResult.failed(Check.BUNDLE, reason, java.util.Map.of("detail", detail)));
    }
}
