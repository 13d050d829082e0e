package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * Cards the sandbox cannot issue, re-signed by a hand-made PKI: data groups that disagree, a BSI plain-ECDSA SOD
 * signature, a DS without digitalSignature, a revoked link certificate, an SOD without signingTime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResignedCardTest {

    private final SandboxFixture sandbox = new SandboxFixture(43, SignatureScheme.ECDSA_P256_SHA256);
    private final Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE));
    private final byte[] nonce = SandboxFixture.nonce();
    private final HandMadePki pki = new HandMadePki(SandboxFixture.NOW);

    ResignedCardTest() throws Exception {}

    private VerificationResult verifyResigned(HandMadePki signer, byte[] dg1, byte[] dg13, boolean signingTime)
            throws Exception {
        return verifyResigned(signer, TrustStore.fromPem(signer.trustPem()), dg1, dg13, signingTime);
    }

    private VerificationResult verifyResigned(
            HandMadePki signer, TrustStore trust, byte[] dg1, byte[] dg13, boolean signingTime) throws Exception {
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] sod = signer.sod(
                Map.of(1, dg1, 2, bundle.file("DG2"), 13, dg13),
                "SHA-256",
                NISTObjectIdentifiers.id_sha256,
                true,
                signingTime);
        byte[] json = bundle.file("SOD", sod)
                .file("DG1", dg1)
                .file("DG13", dg13)
                .withoutFile("COM")
                .json();
        return new ChipVerifier(trust, SandboxFixture.CLOCK).verify(json, nonce);
    }

    private byte[] dg1() {
        return card.files().get("DG1");
    }

    private byte[] dg13() {
        return card.files().get("DG13");
    }

    @Test
    void verifiesSodSignedWithBsiPlainEcdsaOid() throws Exception {
        HandMadePki plain = new HandMadePki(SandboxFixture.NOW, "SHA256withPLAIN-ECDSA", KeyUsage.digitalSignature);

        VerificationResult result = verifyResigned(plain, dg1(), dg13(), true);

        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.check(Check.SOD_SIGNATURE).evidence()).containsEntry("algorithm", "SHA256withPLAIN-ECDSA");
    }

    @Test
    void rejectsMrzWhoseSexDisagreesWithDg13() throws Exception {
        byte[] dg1 = dg1();
        int sex = new String(dg1, StandardCharsets.US_ASCII).indexOf("VNM", 20) - 8; // line 2, position 8
        dg1[sex] = (byte) (dg1[sex] == 'M' ? 'F' : 'M'); // not covered by any MRZ check digit

        VerificationResult result = verifyResigned(pki, dg1, dg13(), true);

        assertThat(result.firstFailure()).get().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ReasonCode.MRZ_DG13_MISMATCH);
            assertThat(f.evidence()).containsEntry("field", "sex");
        });
    }

    @Test
    void rejectsDg13WithoutExpiryField() throws Exception {
        Citizen citizen = card.citizen();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        ASN1EncodableVector items = new ASN1EncodableVector();
        items.add(item(1, citizen.number()));
        items.add(item(2, citizen.fullName()));
        items.add(item(3, citizen.dateOfBirth().format(date)));
        items.add(item(4, citizen.sex().name().equals("MALE") ? "Nam" : "Nữ"));
        byte[] dg13 = new DERTaggedObject(false, BERTags.APPLICATION, 13, new DERSequence(items))
                .getEncoded(ASN1Encoding.DER);

        VerificationResult result = verifyResigned(pki, dg1(), dg13, true);

        assertThat(result.firstFailure()).get().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ReasonCode.DG13_FIELD_MISSING);
            assertThat(f.evidence()).containsEntry("field", "12");
        });
    }

    @Test
    void rejectsDocumentSignerWithoutDigitalSignatureUsage() throws Exception {
        HandMadePki noUsage = new HandMadePki(SandboxFixture.NOW, "SHA256withECDSA", KeyUsage.nonRepudiation);

        VerificationResult result = verifyResigned(noUsage, dg1(), dg13(), true);

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.DS_KEY_USAGE_INVALID);
    }

    @Test
    void rejectsDocumentSignerUnderRevokedLinkCertificate() throws Exception {
        TrustStore trust = TrustStore.fromPem(pki.trustPem()).withCrls(pki.crlRevokingLink());

        VerificationResult result = verifyResigned(pki, trust, dg1(), dg13(), true);

        assertThat(result.firstFailure()).get().extracting(CheckResult::reason).isEqualTo(ReasonCode.CSCA_REVOKED);
    }

    @Test
    void judgesValidityNowWhenSodHasNoSigningTime() throws Exception {
        VerificationResult result = verifyResigned(pki, dg1(), dg13(), false);

        assertThat(result.firstFailure()).isEmpty();
        assertThat(result.check(Check.CERTIFICATE_VALIDITY).evidence().get("at"))
                .endsWith("(now)");
    }

    @Test
    void refusesDg13WithLongCombiningAccentRunsAfterItsSignatureVerifies() throws Exception {
        Citizen citizen = card.citizen();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        ASN1EncodableVector items = new ASN1EncodableVector();
        items.add(item(1, citizen.number()));
        items.add(item(2, citizen.fullName()));
        items.add(item(3, citizen.dateOfBirth().format(date)));
        items.add(item(4, citizen.sex().name().equals("MALE") ? "Nam" : "Nữ"));
        items.add(item(9, Dg13LengthBoundTest.accentRun(45_000))); // about 180 KB of accents
        items.add(item(12, citizen.dateOfExpiry().format(date)));
        byte[] dg13 = new DERTaggedObject(false, BERTags.APPLICATION, 13, new DERSequence(items))
                .getEncoded(ASN1Encoding.DER);

        VerificationResult result = verifyResigned(pki, dg1(), dg13, true);

        assertThat(result.verified()).isFalse();
        assertThat(result.check(Check.SOD_SIGNATURE).verdict()).isEqualTo(Verdict.SUCCEEDED);
        assertThat(result.check(Check.CONSISTENCY)).satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(c.reason()).isEqualTo(ReasonCode.DG13_TOO_LONG);
        });
    }

    private static DERSequence item(int id, String value) {
        return new DERSequence(
                new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(id), new DERUTF8String(value)});
    }

    @Test
    void rejectsEcActiveAuthenticationWithUnknownAlgorithmInDg14() throws Exception {
        Card ecCard = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(ecCard, nonce));
        byte[] dg14 = bundle.file("DG14");
        byte[] plainSha256 = {0x04, 0x00, 0x7F, 0x00, 0x07, 0x01, 0x01, 0x04, 0x01, 0x03};
        int at = indexOf(dg14, plainSha256);
        assertThat(at).isNotNegative();
        dg14[at + plainSha256.length - 1] = 0x09; // ecdsa-plain-signatures .9: no such algorithm
        byte[] sod = pki.sod(Map.of(
                1, bundle.file("DG1"),
                2, bundle.file("DG2"),
                13, bundle.file("DG13"),
                14, dg14,
                15, bundle.file("DG15")));

        VerificationResult result = new ChipVerifier(TrustStore.fromPem(pki.trustPem()), SandboxFixture.CLOCK)
                .verify(
                        bundle.file("SOD", sod)
                                .file("DG14", dg14)
                                .withoutFile("COM")
                                .json(),
                        nonce);

        assertThat(result.firstFailure()).get().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.ACTIVE_AUTHENTICATION);
            assertThat(f.reason()).isEqualTo(ReasonCode.AA_ALGORITHM_UNKNOWN);
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
