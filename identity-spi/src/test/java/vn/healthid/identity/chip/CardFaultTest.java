package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Dg13Layout;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * Every sandbox card fault is rejected by exactly the check meant to catch it, with its own reason code, on every
 * DG13 layout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardFaultTest {

    private final SandboxFixture sandbox = new SandboxFixture(11, SignatureScheme.RSA_PKCS1_SHA256);

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(CardFault.TAMPERED_DG13, Check.DATA_GROUP_HASHES, ReasonCode.DG_HASH_MISMATCH),
                Arguments.of(CardFault.BAD_SOD_SIGNATURE, Check.SOD_SIGNATURE, ReasonCode.SOD_SIGNATURE_INVALID),
                Arguments.of(CardFault.UNKNOWN_CSCA, Check.CERTIFICATE_CHAIN, ReasonCode.CHAIN_UNTRUSTED_ISSUER),
                Arguments.of(CardFault.EXPIRED_DS, Check.CERTIFICATE_VALIDITY, ReasonCode.DS_NOT_VALID_AT_SIGNING_TIME),
                Arguments.of(CardFault.REVOKED_DS, Check.REVOCATION, ReasonCode.DS_REVOKED),
                Arguments.of(CardFault.AA_KEY_MISMATCH, Check.ACTIVE_AUTHENTICATION, ReasonCode.AA_SIGNATURE_INVALID),
                Arguments.of(CardFault.NUMBER_DOB_MISMATCH, Check.CONSISTENCY, ReasonCode.NUMBER_DOB_MISMATCH),
                Arguments.of(CardFault.NUMBER_SEX_MISMATCH, Check.CONSISTENCY, ReasonCode.NUMBER_SEX_MISMATCH),
                Arguments.of(CardFault.EXPIRED_CARD, Check.CONSISTENCY, ReasonCode.CARD_EXPIRED),
                Arguments.of(CardFault.DG1_NUMBER_MISMATCH, Check.CONSISTENCY, ReasonCode.DG1_DG13_NUMBER_MISMATCH));
    }

    static Stream<Arguments> faultsOnEveryLayout() {
        return faults().flatMap(fault -> Arrays.stream(Dg13Layout.values()).map(layout -> {
            Object[] f = fault.get();
            return Arguments.of(f[0], f[1], f[2], layout);
        }));
    }

    @ParameterizedTest(name = "{0} -> {2} on {3}")
    @MethodSource("faultsOnEveryLayout")
    void rejectsFaultyCardWithItsOwnReason(CardFault fault, Check check, ReasonCode reason, Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withFault(fault).withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifierWithCrl().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isFalse();
        assertThat(result.proof()).isEqualTo(Proof.NONE);
        assertThat(result.citizen()).isEmpty();
        assertThat(result.firstFailure()).get().satisfies(failure -> {
            assertThat(failure.check()).isEqualTo(check);
            assertThat(failure.reason()).isEqualTo(reason);
        });
        // Every independent check ran: the fault fails its own check and no other (docs/cccd-chip.md).
        assertThat(result.failures()).extracting(CheckResult::check).containsExactly(check);
    }

    @ParameterizedTest(name = "{0} on {3}")
    @MethodSource("faultsOnEveryLayout")
    void faultyCardIsRejectedWithoutCrlsExceptTheRevokedOne(
            CardFault fault, Check check, ReasonCode reason, Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withFault(fault).withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        // Without a CRL a revoked DS cannot be told apart: revocation is NOT_PRESENT, and policy decides.
        assertThat(result.verified()).isEqualTo(fault == CardFault.REVOKED_DS);
        assertThat(result.check(Check.REVOCATION).verdict()).isIn(Verdict.NOT_PRESENT, Verdict.NOT_CHECKED);
    }

    @org.junit.jupiter.api.Test
    void tamperedDataGroupEvidenceShowsStoredAndComputedHashes() {
        Card card = sandbox.card(CardSpec.defaults().withFault(CardFault.TAMPERED_DG13));
        byte[] nonce = SandboxFixture.nonce();

        CheckResult hashes = sandbox.verifier()
                .verify(SandboxFixture.bundle(card, nonce), nonce)
                .check(Check.DATA_GROUP_HASHES);

        assertThat(hashes.evidence()).containsEntry("dataGroup", "DG13").containsKeys("stored", "computed");
        assertThat(hashes.evidence().get("stored"))
                .isNotEqualTo(hashes.evidence().get("computed"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Dg13Layout.class)
    void validCardPassesRevocationWithCrlConfigured(Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifierWithCrl().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isTrue();
        assertThat(result.check(Check.REVOCATION).verdict()).isEqualTo(Verdict.SUCCEEDED);
    }
}
