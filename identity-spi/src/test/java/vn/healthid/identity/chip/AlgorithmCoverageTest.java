package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Dg13Layout;
import vn.healthid.sandbox.cards.SignatureScheme;

/** Every signature scheme of the sandbox PKI, every allowed SOD digest, both DG13 layouts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlgorithmCoverageTest {

    private final Map<SignatureScheme, SandboxFixture> fixtures = new EnumMap<>(SignatureScheme.class);

    private SandboxFixture fixture(SignatureScheme scheme) {
        return fixtures.computeIfAbsent(scheme, s -> new SandboxFixture(17, s));
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void verifiesCardSignedWithEveryScheme(SignatureScheme scheme) {
        SandboxFixture sandbox = fixture(scheme);
        Card card = sandbox.card(CardSpec.defaults());
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"})
    void verifiesSodWithEveryAllowedDigest(String digest) {
        SandboxFixture sandbox = fixture(SignatureScheme.ECDSA_P256_SHA256);
        Card card = sandbox.card(CardSpec.defaults().withDigest(digest));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.check(Check.DATA_GROUP_HASHES).evidence()).containsEntry("algorithm", digest);
    }

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void readsEveryDg13Layout(Dg13Layout layout) {
        SandboxFixture sandbox = fixture(SignatureScheme.RSA_PKCS1_SHA256);
        Card card = sandbox.card(CardSpec.defaults().withDg13Layout(layout));
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.verified()).isTrue();
        VerifiedCitizen citizen = result.citizen().orElseThrow();
        assertThat(citizen.fullName()).isEqualTo(card.citizen().fullName());
        assertThat(citizen.dateOfBirth()).isEqualTo(card.citizen().dateOfBirth());
        assertThat(citizen.placeOfResidence()).isEqualTo(card.citizen().placeOfResidence());
        assertThat(citizen.fatherName()).isEqualTo(card.citizen().fatherName());
        assertThat(citizen.motherName()).isEqualTo(card.citizen().motherName());
        assertThat(citizen.dateOfExpiry()).isEqualTo(card.citizen().dateOfExpiry());
        assertThat(citizen.documentNumber()).isEqualTo(card.citizen().number().substring(3));
        assertThat(citizen.dateOfIssue()).isEqualTo(card.citizen().dateOfIssue());
        assertThat(citizen.religion())
                .isEqualTo(
                        layout.name().endsWith("SPARSE") ? null : card.citizen().religion());
        String consistency = result.check(Check.CONSISTENCY).evidence().getOrDefault("dg13Raw", "");
        assertThat(consistency)
                .isEqualTo(layout == Dg13Layout.WRAPPED_NESTED_EXTRA_IDS ? "17:UNKNOWN_ID,18:UNKNOWN_ID" : "");
    }
}
