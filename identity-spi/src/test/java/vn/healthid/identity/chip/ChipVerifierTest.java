package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Dg13Layout;
import vn.healthid.sandbox.cards.SignatureScheme;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChipVerifierTest {

    private final SandboxFixture sandbox = new SandboxFixture(7, SignatureScheme.RSA_PKCS1_SHA256);

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void validCardWithActiveAuthenticationReachesPassiveAndActive(Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isTrue();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        assertThat(result.citizen())
                .get()
                .extracting(VerifiedCitizen::number)
                .isEqualTo(card.citizen().number());
    }

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void validCardWithoutDg15ReachesPassiveOnly(Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE).withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isTrue();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_ONLY);
        assertThat(result.check(Check.ACTIVE_AUTHENTICATION).verdict()).isEqualTo(Verdict.NOT_PRESENT);
        assertThat(result.check(Check.ACTIVE_AUTHENTICATION).reason()).isEqualTo(ReasonCode.AA_NOT_SUPPORTED_BY_CARD);
    }

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void cardWithoutExpiryIsVerifiedWithNoExpiryDate(Dg13Layout layout) {
        var elder = sandbox.population.stream()
                .filter(c -> c.dateOfExpiry() == null)
                .findFirst()
                .orElseThrow();
        Card card = sandbox.issuer.issue(elder, CardSpec.defaults().withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isTrue();
        assertThat(result.citizen().orElseThrow().dateOfExpiry()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void resultOfVerifiedCardHasEveryCheckSucceededOrAcceptablyAbsent(Dg13Layout layout) {
        Card card = sandbox.card(CardSpec.defaults().withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.checks()).extracting(CheckResult::check).containsExactly(Check.values());
        assertThat(result.checks())
                .filteredOn(r -> r.check() != Check.REVOCATION)
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.SUCCEEDED));
        assertThat(result.check(Check.SOD_SIGNATURE).evidence()).containsKeys("dsSubject", "dsSerial");
        assertThat(result.verifiedAt()).isEqualTo(SandboxFixture.NOW);
    }

    @Test
    void refusesIssuedNonceShorterThan128Bits() {
        Card card = sandbox.card(CardSpec.defaults());
        byte[] shortNonce = new byte[8];

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> sandbox.verifier().verify(SandboxFixture.bundle(card, shortNonce), shortNonce))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneVerifierServesConcurrentCallers() throws Exception {
        ChipVerifier shared = sandbox.verifier();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Card card = sandbox.card(CardSpec.defaults());
                byte[] nonce = SandboxFixture.nonce();
                byte[] bundle = SandboxFixture.bundle(card, nonce);
                outcomes.add(pool.submit(() -> shared.verify(bundle, nonce).verified()));
            }
            for (java.util.concurrent.Future<Boolean> outcome : outcomes) {
                assertThat(outcome.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
