package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.sandbox.cards.AaChallenge;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActiveAuthenticationTest {

    private final SandboxFixture sandbox = new SandboxFixture(13, SignatureScheme.ECDSA_P256_SHA256);
    private final ChipVerifier verifier = sandbox.verifier();

    @ParameterizedTest
    @EnumSource(value = AaKey.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyActiveAuthenticationKeyReachesPassiveAndActive(AaKey key) {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(key));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = verifier.verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        assertThat(result.verified()).isTrue();
    }

    @Test
    void derivesTheSameChipChallengeAsTheReader() {
        byte[] nonce = SandboxFixture.nonce();

        assertThat(ActiveAuthenticationCheck.challengeFor(nonce)).isEqualTo(AaChallenge.derive(nonce));
    }

    @Test
    void rejectsBundleNamingAnotherNonce() {
        Card card = sandbox.card(CardSpec.defaults());
        byte[] issued = SandboxFixture.nonce();

        VerificationResult result = verifier.verify(SandboxFixture.bundle(card, SandboxFixture.nonce()), issued);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.CHALLENGE_MISMATCH);
        assertThat(result.proof()).isEqualTo(Proof.NONE);
    }

    @Test
    void rejectsSignatureReplayedOverAnotherChallenge() {
        Card card = sandbox.card(CardSpec.defaults());
        byte[] seen = SandboxFixture.nonce();
        byte[] issued = SandboxFixture.nonce();
        byte[] replayed = new BundleEditor(SandboxFixture.bundle(card, seen))
                .challenge(SandboxFixture.base64Url(issued))
                .json();

        VerificationResult result = verifier.verify(replayed, issued);

        assertThat(result.check(Check.CHALLENGE).verdict()).isEqualTo(Verdict.SUCCEEDED);
        assertThat(result.firstFailure()).get().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.ACTIVE_AUTHENTICATION);
            assertThat(f.reason()).isEqualTo(ReasonCode.AA_SIGNATURE_INVALID);
        });
    }

    @ParameterizedTest
    @EnumSource(value = AaKey.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rejectsAlteredSignature(AaKey key) {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(key));
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] signature = bundle.aaSignature();
        signature[signature.length / 2] ^= 0x01;

        VerificationResult result =
                verifier.verify(bundle.aaSignature(signature).json(), nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.AA_SIGNATURE_INVALID);
    }

    @Test
    void rejectsTruncatedRsaSignature() {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.RSA_2048_SHA256));
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] truncated = Arrays.copyOf(bundle.aaSignature(), 100);

        VerificationResult result =
                verifier.verify(bundle.aaSignature(truncated).json(), nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.AA_SIGNATURE_INVALID);
    }

    @Test
    void bundleWithoutSignatureFromCardWithDg15ReachesPassiveOnly() {
        Card card = sandbox.card(CardSpec.defaults());
        byte[] nonce = SandboxFixture.nonce();
        byte[] unsigned = new BundleEditor(SandboxFixture.bundle(card, nonce))
                .withoutAaSignature()
                .json();

        VerificationResult result = verifier.verify(unsigned, nonce);

        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_ONLY);
        assertThat(result.check(Check.ACTIVE_AUTHENTICATION).reason()).isEqualTo(ReasonCode.AA_SIGNATURE_MISSING);
    }

    @Test
    void ecKeyWithoutDg14CannotBeChecked() {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        byte[] nonce = SandboxFixture.nonce();
        byte[] withoutDg14 = new BundleEditor(SandboxFixture.bundle(card, nonce))
                .withoutFile("DG14")
                .json();

        VerificationResult result = verifier.verify(withoutDg14, nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.AA_ALGORITHM_UNKNOWN);
    }

    @Test
    void rsaSignatureWithUnknownTrailerIsRejectedAsSuch() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        java.security.KeyPair keys = generator.generateKeyPair();
        byte[] f = new byte[128];
        Arrays.fill(f, (byte) 0x55);
        f[0] = 0x6A;
        f[126] = 0x77; // not an ISO/IEC 10118-3 hash identifier
        f[127] = (byte) 0xCC;
        javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("RSA/ECB/NoPadding");
        raw.init(javax.crypto.Cipher.ENCRYPT_MODE, keys.getPrivate());
        byte[] signature = raw.doFinal(f);

        ReasonCode reason =
                Iso9796Scheme1.verify((java.security.interfaces.RSAPublicKey) keys.getPublic(), signature, new byte[8]);

        assertThat(reason).isEqualTo(ReasonCode.AA_TRAILER_INVALID);
    }
}
