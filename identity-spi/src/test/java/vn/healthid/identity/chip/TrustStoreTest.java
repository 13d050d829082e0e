package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustStoreTest {

    private final SandboxFixture sandbox = new SandboxFixture(19, SignatureScheme.RSA_PSS_SHA256);
    private final SandboxFixture other = new SandboxFixture(23, SignatureScheme.RSA_PSS_SHA256);

    @Test
    void masterListTrustStoreVerifiesCard() {
        TrustStore trust = TrustStore.fromMasterList(sandbox.pki.masterList());
        Card card = sandbox.card(CardSpec.defaults());
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result =
                new ChipVerifier(trust, SandboxFixture.CLOCK).verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(trust.cscaCount()).isEqualTo(3);
        assertThat(result.verified()).isTrue();
    }

    @Test
    void rejectsMasterListWithAlteredSignature() {
        byte[] list = sandbox.pki.masterList();
        list[list.length - 10] ^= 0x01; // the signature is the SignedData's last element

        assertThatThrownBy(() -> TrustStore.fromMasterList(list)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsGarbageTrustFiles() {
        assertThatThrownBy(() -> TrustStore.fromPem("not a certificate".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustStore.fromMasterList(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCrlNotSignedByTrustedCsca() {
        assertThatThrownBy(() -> sandbox.trust.withCrls(other.pki.crlPem().getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not signed by a trusted CSCA");
    }

    @Test
    void rejectsCardFromAnotherCountrysCsca() {
        Card card = other.card(CardSpec.defaults());
        byte[] nonce = SandboxFixture.nonce();

        VerificationResult result = sandbox.verifier().verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.CHAIN_UNTRUSTED_ISSUER);
    }

    @Test
    void followsLinkCertificateToDocumentSignerWithExplicitEcParameters() throws Exception {
        HandMadePki pki = new HandMadePki(SandboxFixture.NOW);
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE));
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] sod = pki.sod(Map.of(1, bundle.file("DG1"), 2, bundle.file("DG2"), 13, bundle.file("DG13")));
        byte[] resigned = bundle.file("SOD", sod).withoutFile("COM").json();

        VerificationResult result =
                new ChipVerifier(TrustStore.fromPem(pki.trustPem()), SandboxFixture.CLOCK).verify(resigned, nonce);

        assertThat(SubjectPublicKeyInfo.getInstance(
                                pki.documentSigner.getPublicKey().getEncoded())
                        .getAlgorithm()
                        .getParameters()
                        .toASN1Primitive())
                .isInstanceOf(org.bouncycastle.asn1.ASN1Sequence.class); // explicit parameters, not a curve OID
        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_ONLY);
        assertThat(result.check(Check.CERTIFICATE_CHAIN).evidence().get("chain"))
                .contains("CN=New CSCA")
                .contains("CN=Old CSCA");
    }

    @Test
    void cachedChainIsReusedForTheNextCardOfTheSameSigner() {
        ChipVerifier verifier = sandbox.verifier();
        byte[] nonce = SandboxFixture.nonce();
        Card card = sandbox.card(CardSpec.defaults());

        VerificationResult first = verifier.verify(SandboxFixture.bundle(card, nonce), nonce);
        VerificationResult second = verifier.verify(SandboxFixture.bundle(card, nonce), nonce);

        assertThat(first.check(Check.CERTIFICATE_CHAIN).evidence()).containsEntry("cached", "false");
        assertThat(second.check(Check.CERTIFICATE_CHAIN).evidence()).containsEntry("cached", "true");
        assertThat(second.verified()).isTrue();
    }

    @Test
    void refusesSodHashedWithMd5() throws Exception {
        HandMadePki pki = new HandMadePki(SandboxFixture.NOW);
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(
                SandboxFixture.bundle(sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE)), nonce));
        byte[] sod = pki.sod(
                Map.of(1, bundle.file("DG1"), 2, bundle.file("DG2"), 13, bundle.file("DG13")),
                "MD5",
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.md5,
                true);

        VerificationResult result = new ChipVerifier(TrustStore.fromPem(pki.trustPem()), SandboxFixture.CLOCK)
                .verify(bundle.file("SOD", sod).withoutFile("COM").json(), nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.DIGEST_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsSodWithoutDocumentSignerCertificate() throws Exception {
        HandMadePki pki = new HandMadePki(SandboxFixture.NOW);
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(
                SandboxFixture.bundle(sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE)), nonce));
        byte[] sod = pki.sod(
                Map.of(1, bundle.file("DG1"), 2, bundle.file("DG2"), 13, bundle.file("DG13")),
                "SHA-256",
                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256,
                false);

        VerificationResult result = new ChipVerifier(TrustStore.fromPem(pki.trustPem()), SandboxFixture.CLOCK)
                .verify(bundle.file("SOD", sod).withoutFile("COM").json(), nonce);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.DS_CERTIFICATE_MISSING);
    }
}
