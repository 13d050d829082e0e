package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;
import vn.healthid.sandbox.cards.SodCorruption;

/**
 * Every check whose input exists runs, whatever the other verdicts (issue 13 item 4): a refused card shows all of its
 * independent faults, a check is NOT_CHECKED only for a missing input and says which, and the decision is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryCheckReportedTest {

    private final SandboxFixture sandbox = new SandboxFixture(47, SignatureScheme.ECDSA_P256_SHA256);
    private final CardSpec ecAa = CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256);

    private static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    private static Set<Check> failedChecks(VerificationResult result) {
        Set<Check> failed = EnumSet.noneOf(Check.class);
        result.failures().forEach(f -> failed.add(f.check()));
        return failed;
    }

    private static void assertOthersAcceptable(VerificationResult result, Set<Check> failed) {
        assertThat(result.checks())
                .filteredOn(r -> !failed.contains(r.check()))
                .allSatisfy(r -> assertThat(r.verdict()).isIn(Verdict.SUCCEEDED, Verdict.NOT_PRESENT));
    }

    @Test
    void refusedCardWithTamperedDg2AndExpiredDsShowsBothFailures() {
        Card card = sandbox.card(ecAa.withFault(CardFault.EXPIRED_DS));
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));

        VerificationResult result = sandbox.verifierWithCrl()
                .verify(bundle.file("DG2", flipLastByte(bundle.file("DG2"))).json(), nonce);

        assertThat(result.verified()).isFalse();
        assertThat(result.proof()).isEqualTo(Proof.NONE);
        assertThat(result.citizen()).isEmpty();
        assertThat(result.failures())
                .extracting(CheckResult::check, CheckResult::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Check.DATA_GROUP_HASHES, ReasonCode.DG_HASH_MISMATCH),
                        org.assertj.core.groups.Tuple.tuple(
                                Check.CERTIFICATE_VALIDITY, ReasonCode.DS_NOT_VALID_AT_SIGNING_TIME));
        assertThat(result.check(Check.DATA_GROUP_HASHES).evidence()).containsEntry("dataGroup", "DG2");
        assertOthersAcceptable(result, failedChecks(result));
    }

    @Test
    void refusedCardWithAaMismatchAndRevokedDsShowsBothFailures() {
        Card card = sandbox.card(ecAa.withFault(CardFault.REVOKED_DS));
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));

        VerificationResult result = sandbox.verifierWithCrl()
                .verify(bundle.aaSignature(flipLastByte(bundle.aaSignature())).json(), nonce);

        assertThat(result.verified()).isFalse();
        assertThat(result.failures())
                .extracting(CheckResult::check, CheckResult::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Check.REVOCATION, ReasonCode.DS_REVOKED),
                        org.assertj.core.groups.Tuple.tuple(
                                Check.ACTIVE_AUTHENTICATION, ReasonCode.AA_SIGNATURE_INVALID));
        assertOthersAcceptable(result, failedChecks(result));
    }

    @Test
    void wrongChallengeStillRunsEveryOtherCheck() {
        Card card = sandbox.card(ecAa);
        byte[] nonce = SandboxFixture.nonce();
        byte[] json = new BundleEditor(SandboxFixture.bundle(card, nonce))
                .challenge(SandboxFixture.base64Url(SandboxFixture.nonce()))
                .json();

        VerificationResult result = sandbox.verifier().verify(json, nonce);

        assertThat(result.verified()).isFalse();
        assertThat(result.citizen()).isEmpty();
        assertThat(failedChecks(result)).containsExactly(Check.CHALLENGE);
        assertThat(result.check(Check.ACTIVE_AUTHENTICATION).verdict()).isEqualTo(Verdict.SUCCEEDED);
        assertThat(result.check(Check.CONSISTENCY).verdict()).isEqualTo(Verdict.SUCCEEDED);
    }

    static Stream<Arguments> singleFaults() {
        return Stream.of(
                Arguments.of(CardFault.TAMPERED_DG13, Check.DATA_GROUP_HASHES),
                Arguments.of(CardFault.BAD_SOD_SIGNATURE, Check.SOD_SIGNATURE),
                Arguments.of(CardFault.UNKNOWN_CSCA, Check.CERTIFICATE_CHAIN),
                Arguments.of(CardFault.EXPIRED_DS, Check.CERTIFICATE_VALIDITY),
                Arguments.of(CardFault.REVOKED_DS, Check.REVOCATION),
                Arguments.of(CardFault.AA_KEY_MISMATCH, Check.ACTIVE_AUTHENTICATION),
                Arguments.of(CardFault.NUMBER_DOB_MISMATCH, Check.CONSISTENCY),
                Arguments.of(CardFault.NUMBER_SEX_MISMATCH, Check.CONSISTENCY),
                Arguments.of(CardFault.EXPIRED_CARD, Check.CONSISTENCY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFaults")
    void singleFaultFailsOnlyItsOwnCheckAndEveryOtherCheckRuns(CardFault fault, Check check) {
        Card card = sandbox.card(ecAa.withFault(fault));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifierWithCrl().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isFalse();
        assertThat(result.proof()).isEqualTo(Proof.NONE);
        assertThat(failedChecks(result)).containsExactly(check);
        assertOthersAcceptable(result, Set.of(check));
    }

    @Test
    void withoutATrustedChainValidityAndRevocationJudgeTheDsAlone() {
        Card card = sandbox.card(ecAa.withFault(CardFault.UNKNOWN_CSCA));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifierWithCrl().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.check(Check.CERTIFICATE_CHAIN).reason()).isEqualTo(ReasonCode.CHAIN_UNTRUSTED_ISSUER);
        assertThat(result.check(Check.CERTIFICATE_VALIDITY).evidence())
                .containsEntry("csca", "not judged: no trusted chain");
    }

    @Test
    void validityOfABadlySignedSodSaysItsSigningTimeIsUnverified() {
        Card card = sandbox.card(ecAa.withFault(CardFault.BAD_SOD_SIGNATURE));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.check(Check.CERTIFICATE_VALIDITY).verdict()).isEqualTo(Verdict.SUCCEEDED);
        assertThat(result.check(Check.CERTIFICATE_VALIDITY).evidence().get("at"))
                .endsWith("(signingTime, SOD signature not verified)");
    }

    @Test
    void unparsableSodSkipsOnlyTheChecksThatNeedItAndSaysSo() {
        Card card = sandbox.card(ecAa);
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] sod = bundle.file("SOD");

        VerificationResult result = sandbox.verifier()
                .verify(bundle.file("SOD", Arrays.copyOf(sod, sod.length / 2)).json(), nonce);

        assertThat(result.check(Check.DATA_GROUP_HASHES).reason()).isEqualTo(ReasonCode.SOD_MALFORMED);
        for (Check skipped : EnumSet.of(
                Check.SOD_SIGNATURE, Check.CERTIFICATE_CHAIN, Check.CERTIFICATE_VALIDITY, Check.REVOCATION)) {
            assertThat(result.check(skipped).verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(result.check(skipped).reason()).isEqualTo(ReasonCode.NOT_CHECKED_NO_SOD);
        }
        for (Check ran : EnumSet.of(Check.CHALLENGE, Check.ACTIVE_AUTHENTICATION, Check.CONSISTENCY)) {
            assertThat(result.check(ran).verdict()).isEqualTo(Verdict.SUCCEEDED);
        }
        assertThat(result.verified()).isFalse();
        assertThat(result.citizen()).isEmpty();
    }

    @Test
    void sodWithoutDsCertificateSkipsTheCertificateChecksAndSaysSo() {
        Card card = sandbox.card(ecAa);
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));

        VerificationResult result = sandbox.verifier()
                .verify(
                        bundle.file("SOD", SodCorruption.withoutCertificates(bundle.file("SOD")))
                                .json(),
                        nonce);

        assertThat(result.check(Check.DATA_GROUP_HASHES).verdict()).isEqualTo(Verdict.SUCCEEDED);
        assertThat(result.check(Check.SOD_SIGNATURE).reason()).isEqualTo(ReasonCode.DS_CERTIFICATE_MISSING);
        for (Check skipped : EnumSet.of(Check.CERTIFICATE_CHAIN, Check.CERTIFICATE_VALIDITY, Check.REVOCATION)) {
            assertThat(result.check(skipped).verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(result.check(skipped).reason()).isEqualTo(ReasonCode.NOT_CHECKED_NO_DS_CERTIFICATE);
        }
        assertThat(result.verified()).isFalse();
    }

    @Test
    void unusableBundleSkipsEveryCheckWithThatReason() {
        VerificationResult result = sandbox.verifier().verify("{}".getBytes(), SandboxFixture.nonce());

        assertThat(result.check(Check.BUNDLE).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.checks().subList(1, result.checks().size())).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(r.reason()).isEqualTo(ReasonCode.NOT_CHECKED_NO_BUNDLE);
        });
    }

    @Test
    void everyTamperedGroupIsNamed() {
        Card card = sandbox.card(ecAa);
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        bundle.file("DG2", flipLastByte(bundle.file("DG2"))).file("DG15", flipLastByte(bundle.file("DG15")));

        CheckResult hashes = sandbox.verifier().verify(bundle.json(), nonce).check(Check.DATA_GROUP_HASHES);

        assertThat(hashes.reason()).isEqualTo(ReasonCode.DG_HASH_MISMATCH);
        assertThat(hashes.evidence()).containsEntry("mismatched", "DG15,DG2");
    }
}
