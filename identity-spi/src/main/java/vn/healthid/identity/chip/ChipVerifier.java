package vn.healthid.identity.chip;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Verifies a CCCD chip bundle: bytes in, a {@link VerificationResult} out. Checks run in {@link Check} order and do
 * not depend on each other's verdicts: every check whose input exists runs, so a refused card shows all its faults.
 * A check is NOT_CHECKED only when its input is missing (no usable bundle, no parsed SOD, no readable DS
 * certificate). Thread-safe; build one per trust store and share it.
 */
public final class ChipVerifier {

    /** Card dates (expiry) are Vietnamese calendar dates. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final int DEFAULT_CHAIN_CACHE_SIZE = 1024;
    private static final int MIN_NONCE_BYTES = 16;

    private final Clock clock;
    private final ChipBundleParser parser = new ChipBundleParser(ChipBundleParser.DEFAULT_MAX_BYTES);
    private final List<Step> steps;

    public ChipVerifier(TrustStore trust, Clock clock) {
        this(trust, clock, DEFAULT_CHAIN_CACHE_SIZE);
    }

    /** {@code chainCacheSize} 0 validates every Document Signer chain afresh (for measurements). */
    public ChipVerifier(TrustStore trust, Clock clock, int chainCacheSize) {
        Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        ChainCache cache = new ChainCache(chainCacheSize);
        this.steps = List.of(
                new Step(Check.CHALLENGE, Input.BUNDLE, new ChallengeCheck()::run, ReasonCode.CHALLENGE_MISMATCH),
                new Step(
                        Check.DATA_GROUP_HASHES, Input.BUNDLE, new DataGroupHashCheck()::run, ReasonCode.SOD_MALFORMED),
                new Step(
                        Check.SOD_SIGNATURE,
                        Input.SOD,
                        new SodSignatureCheck(cache)::run,
                        ReasonCode.SOD_SIGNATURE_INVALID),
                new Step(
                        Check.CERTIFICATE_CHAIN,
                        Input.DOCUMENT_SIGNER,
                        new ChainCheck(trust, cache)::run,
                        ReasonCode.CHAIN_UNTRUSTED_ISSUER),
                new Step(
                        Check.CERTIFICATE_VALIDITY,
                        Input.DOCUMENT_SIGNER,
                        new ValidityCheck()::run,
                        ReasonCode.DS_NOT_VALID_AT_SIGNING_TIME),
                new Step(
                        Check.REVOCATION,
                        Input.DOCUMENT_SIGNER,
                        new RevocationCheck(trust)::run,
                        ReasonCode.DS_REVOKED),
                new Step(
                        Check.ACTIVE_AUTHENTICATION,
                        Input.BUNDLE,
                        new ActiveAuthenticationCheck()::run,
                        ReasonCode.AA_SIGNATURE_INVALID),
                new Step(
                        Check.CONSISTENCY, Input.BUNDLE, new ConsistencyCheck()::run, ReasonCode.DATA_GROUP_MALFORMED));
    }

    /** Parses and verifies a bundle as received (bounded to {@link ChipBundleParser#DEFAULT_MAX_BYTES}). */
    public VerificationResult verify(byte[] bundleJson, byte[] issuedNonce) {
        requireNonce(issuedNonce);
        BundleParse parse = parser.parse(bundleJson);
        if (parse.bundle().isEmpty()) {
            return rejected(parse.failure(), clock.instant());
        }
        return verify(parse.bundle().get(), issuedNonce);
    }

    private VerificationResult rejected(CheckResult bundleFailure, Instant now) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(bundleFailure);
        for (Step step : steps) {
            checks.add(CheckResult.notChecked(
                    step.check, ReasonCode.NOT_CHECKED_NO_BUNDLE, Map.of("detail", "the bundle is unusable")));
        }
        return new VerificationResult(checks, Optional.empty(), Proof.NONE, now);
    }

    /**
     * Verifies a parsed bundle against the nonce this service issued for it.
     *
     * @throws IllegalArgumentException if {@code issuedNonce} is not a nonce of at least 128 bits (a caller bug)
     */
    public VerificationResult verify(ChipBundle bundle, byte[] issuedNonce) {
        requireNonce(issuedNonce);
        Objects.requireNonNull(bundle, "bundle");
        Instant now = clock.instant();
        Optional<BundleParse> incomplete = ChipBundleParser.checkFiles(bundle.files());
        if (incomplete.isPresent() || bundle.challenge() == null) {
            return rejected(
                    incomplete
                            .map(BundleParse::failure)
                            .orElse(CheckResult.failed(
                                    Check.BUNDLE, ReasonCode.BUNDLE_MALFORMED, Map.of("detail", "challenge missing"))),
                    now);
        }
        Verification v = new Verification(bundle, issuedNonce.clone(), now, LocalDate.ofInstant(now, VIETNAM));
        List<CheckResult> checks = new ArrayList<>(steps.size() + 1);
        checks.add(CheckResult.succeeded(
                Check.BUNDLE,
                Map.of("files", String.join(",", new TreeSet<>(bundle.files().keySet())))));
        for (Step step : steps) {
            checks.add(step.missingInput(v).orElseGet(() -> step.run(v)));
        }
        boolean failed = !checks.stream().allMatch(VerificationResult::acceptable);
        Proof proof = failed ? Proof.NONE : v.activelyAuthenticated ? Proof.PASSIVE_AND_ACTIVE : Proof.PASSIVE_ONLY;
        Optional<VerifiedCitizen> citizen = failed ? Optional.empty() : Optional.ofNullable(v.citizen);
        return new VerificationResult(checks, citizen, citizen.isPresent() ? proof : Proof.NONE, now);
    }

    private static void requireNonce(byte[] issuedNonce) {
        if (issuedNonce == null || issuedNonce.length < MIN_NONCE_BYTES) {
            throw new IllegalArgumentException("the issued nonce must be at least " + MIN_NONCE_BYTES + " bytes");
        }
    }

    /** What a check needs besides the bundle's files (which every check may read: they were checked present). */
    private enum Input {
        BUNDLE,
        SOD,
        DOCUMENT_SIGNER
    }

    /**
     * One check. Parsers of untrusted bytes (Bouncy Castle's among them) signal bad input with assorted runtime
     * exceptions; any that escapes a check is that check failing with its fallback reason, never an exception
     * thrown to the caller.
     */
    private record Step(Check check, Input input, Function<Verification, CheckResult> body, ReasonCode fallback) {

        /** NOT_CHECKED naming the missing input, when an earlier check could not produce it. */
        Optional<CheckResult> missingInput(Verification v) {
            if (input == Input.BUNDLE) {
                return Optional.empty();
            }
            if (v.sod == null) {
                return Optional.of(CheckResult.notChecked(
                        check, ReasonCode.NOT_CHECKED_NO_SOD, Map.of("detail", "EF.SOD did not parse")));
            }
            if (input == Input.DOCUMENT_SIGNER && v.documentSigner == null) {
                return Optional.of(CheckResult.notChecked(
                        check,
                        ReasonCode.NOT_CHECKED_NO_DS_CERTIFICATE,
                        Map.of("detail", "no readable Document Signer certificate in EF.SOD")));
            }
            return Optional.empty();
        }

        CheckResult run(Verification v) {
            try {
                return body.apply(v);
            } catch (RuntimeException e) {
                return CheckResult.failed(
                        check,
                        fallback,
                        Map.of("detail", "unreadable: " + e.getClass().getSimpleName()));
            }
        }
    }
}
