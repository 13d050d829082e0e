package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;
import vn.healthid.sandbox.cards.SodCorruption;

/**
 * EF.SOD changes that leave the DS signature valid (issue 20 item 3): each is refused under SOD_SIGNATURE with its
 * own reason while every other check still succeeds, or, where ICAO 9303-10 / RFC 5652 allow it, accepted and
 * reported as evidence (docs/cccd-chip.md, EF.SOD section).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SodStrictnessTest {

    private final SandboxFixture ec = new SandboxFixture(53, SignatureScheme.ECDSA_P256_SHA256);
    private final Card ecCard = ec.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
    private final SandboxFixture rsa = new SandboxFixture(11, SignatureScheme.RSA_PKCS1_SHA256);
    private final Card rsaCard = rsa.card(CardSpec.defaults());

    private VerificationResult verify(SandboxFixture fixture, Card card, UnaryOperator<byte[]> change) {
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce));
        byte[] sod = change.apply(bundle.file("SOD"));
        return fixture.verifier().verify(bundle.file("SOD", sod).json(), nonce);
    }

    private VerificationResult verifyEc(UnaryOperator<byte[]> change) {
        return verify(ec, ecCard, change);
    }

    private static void assertRefusedBySodSignature(VerificationResult result, ReasonCode reason) {
        assertThat(result.verified()).isFalse();
        assertThat(result.citizen()).isEmpty();
        assertThat(result.failures())
                .extracting(CheckResult::check, CheckResult::reason)
                .containsExactly(tuple(Check.SOD_SIGNATURE, reason));
    }

    private static UnaryOperator<byte[]> unsigned(Attribute... attributes) {
        return sod -> SodCorruption.withUnsignedAttributes(sod, new DERSet(attributes));
    }

    @Test
    void unchangedSodVerifiesOnBothPkis() {
        assertThat(verifyEc(sod -> sod).verified()).isTrue();
        assertThat(verify(rsa, rsaCard, sod -> sod).verified()).isTrue();
    }

    @Test
    void refusesUnsignedAttributeNoStandardSpecifies() {
        Attribute unknown =
                new Attribute(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), new DERSet(new DERUTF8String("x")));
        assertRefusedBySodSignature(verifyEc(unsigned(unknown)), ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED);
    }

    @Test
    void refusesASignedAttributeTypeMovedToTheUnsignedOnes() {
        Attribute time = new Attribute(
                CMSAttributes.signingTime, new DERSet(new org.bouncycastle.asn1.cms.Time(new java.util.Date())));
        assertRefusedBySodSignature(verifyEc(unsigned(time)), ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED);
    }

    @Test
    void refusesEmptyUnsignedAttributes() {
        assertRefusedBySodSignature(verifyEc(unsigned()), ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED);
    }

    @Test
    void refusesMalformedCountersignature() {
        Attribute junk = new Attribute(CMSAttributes.counterSignature, new DERSet(new ASN1Integer(7)));
        assertRefusedBySodSignature(verifyEc(unsigned(junk)), ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED);
    }

    @Test
    void acceptsCountersignatureAndTimeStampTokenAndReportsThemAsEvidence() {
        VerificationResult result = verifyEc(sod -> {
            SignerInfo signer = SodCorruption.signerInfo(sod);
            ContentInfo token = ContentInfo.getInstance(
                    org.bouncycastle.asn1.ASN1TaggedObject.getInstance(sod).getExplicitBaseObject());
            return unsigned(
                            new Attribute(CMSAttributes.counterSignature, new DERSet(signer)),
                            new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token)))
                    .apply(sod);
        });

        assertThat(result.verified()).isTrue();
        assertThat(result.check(Check.SOD_SIGNATURE).evidence().get("unsignedAttributes"))
                .startsWith("countersignature,signatureTimeStampToken")
                .contains("not verified");
    }

    @Test
    void refusesArbitraryContentInTheCrlsElement() {
        for (ASN1Encodable junk : new ASN1Encodable[] {
            new DERSequence(new ASN1Integer(5)),
            new DERSequence(new DEROctetString(new byte[] {1, 2, 3})),
            new DERSet(),
            new DERSet(new DERSequence(new ASN1Integer(1)))
        }) {
            assertRefusedBySodSignature(
                    verifyEc(sod -> SodCorruption.withCrls(sod, junk)), ReasonCode.SOD_CRLS_MALFORMED);
        }
    }

    @Test
    void refusesAPrimitiveCrlsElementAsAMalformedSod() {
        VerificationResult result =
                verifyEc(sod -> SodCorruption.withCrls(sod, new DEROctetString(new byte[] {1, 2, 3})));

        assertThat(result.check(Check.DATA_GROUP_HASHES).reason()).isEqualTo(ReasonCode.SOD_MALFORMED);
        assertThat(result.check(Check.SOD_SIGNATURE).reason()).isEqualTo(ReasonCode.NOT_CHECKED_NO_SOD);
    }

    @Test
    void acceptsAWellFormedCrlInTheSodAsEvidenceWithoutUsingIt() throws Exception {
        CertificateList crl = CertificateList.getInstance(ec.pki.crl().getEncoded());

        VerificationResult result = verifyEc(sod -> SodCorruption.withCrls(sod, new DERSet(crl)));

        assertThat(result.verified()).isTrue();
        assertThat(result.check(Check.SOD_SIGNATURE).evidence()).containsKey("sodCrls");
        assertThat(result.check(Check.REVOCATION).verdict()).isEqualTo(Verdict.NOT_PRESENT);
    }

    private X500Name dsIssuer() {
        return X500Name.getInstance(
                ec.pki.documentSigner().getIssuerX500Principal().getEncoded());
    }

    private UnaryOperator<byte[]> issuer(X500Name name) {
        BigInteger serial = ec.pki.documentSigner().getSerialNumber();
        return sod ->
                SodCorruption.withSignerIdentifier(sod, new SignerIdentifier(new IssuerAndSerialNumber(name, serial)));
    }

    private static X500Name mapValues(X500Name name, UnaryOperator<AttributeTypeAndValue> change) {
        RDN[] rdns = Arrays.stream(name.getRDNs())
                .map(rdn -> new RDN(change.apply(rdn.getFirst())))
                .toArray(RDN[]::new);
        return new X500Name(rdns);
    }

    @Test
    void issuerAndSerialMatchIsByDerEqualityNotByNameComparison() {
        X500Name original = dsIssuer();
        X500Name upperCase = mapValues(
                original,
                atv -> atv.getValue() instanceof DERUTF8String s
                        ? new AttributeTypeAndValue(
                                atv.getType(), new DERUTF8String(s.getString().toUpperCase()))
                        : atv);
        X500Name otherStringType = mapValues(
                original,
                atv -> atv.getValue() instanceof DERUTF8String s
                        ? new AttributeTypeAndValue(atv.getType(), new DERPrintableString(((ASN1String) s).getString()))
                        : atv);
        RDN[] reversed = original.getRDNs().clone();
        java.util.Collections.reverse(Arrays.asList(reversed));

        assertThat(verifyEc(issuer(original)).verified()).isTrue();
        for (X500Name variant : new X500Name[] {upperCase, otherStringType, new X500Name(reversed)}) {
            assertThat(variant).isEqualTo(original); // Bouncy Castle's lenient comparison calls them equal
            assertRefusedBySodSignature(verifyEc(issuer(variant)), ReasonCode.SOD_SIGNER_IDENTIFIER_MISMATCH);
        }
    }

    @Test
    void refusesAnotherSerialNumber() {
        BigInteger serial = ec.pki.documentSigner().getSerialNumber().add(BigInteger.ONE);
        assertRefusedBySodSignature(
                verifyEc(sod -> SodCorruption.withSignerIdentifier(
                        sod, new SignerIdentifier(new IssuerAndSerialNumber(dsIssuer(), serial)))),
                ReasonCode.SOD_SIGNER_IDENTIFIER_MISMATCH);
    }

    @Test
    void acceptsTheSubjectKeyIdentifierOfTheDsAndRefusesAnother() {
        X509Certificate ds = ec.pki.documentSigner();
        byte[] ski = ASN1OctetString.getInstance(
                        ASN1OctetString.getInstance(ds.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                                .getOctets())
                .getOctets();
        byte[] other = ski.clone();
        other[0] ^= 0x01;

        assertThat(verifyEc(sod ->
                                SodCorruption.withSignerIdentifier(sod, new SignerIdentifier(new DEROctetString(ski))))
                        .verified())
                .isTrue();
        assertRefusedBySodSignature(
                verifyEc(sod ->
                        SodCorruption.withSignerIdentifier(sod, new SignerIdentifier(new DEROctetString(other)))),
                ReasonCode.SOD_SIGNER_IDENTIFIER_MISMATCH);
    }

    private UnaryOperator<byte[]> signatureParameters(ASN1Encodable parameters) {
        return sod -> {
            AlgorithmIdentifier current = SodCorruption.signerInfo(sod).getDigestEncryptionAlgorithm();
            return SodCorruption.withSignatureAlgorithm(
                    sod,
                    parameters == null
                            ? new AlgorithmIdentifier(current.getAlgorithm())
                            : new AlgorithmIdentifier(current.getAlgorithm(), parameters));
        };
    }

    @Test
    void refusesNullAddedToEcdsaSignatureParameters() {
        assertRefusedBySodSignature(
                verifyEc(signatureParameters(DERNull.INSTANCE)), ReasonCode.SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID);
    }

    @Test
    void refusesRsaSignatureParametersReplacedByAnythingButNull() {
        assertThat(SodCorruption.signerInfo(rsaCard.files().get("SOD"))
                        .getDigestEncryptionAlgorithm()
                        .getParameters())
                .isEqualTo(DERNull.INSTANCE);
        for (ASN1Encodable replaced : new ASN1Encodable[] {new ASN1Integer(0), new DEROctetString(new byte[0])}) {
            assertRefusedBySodSignature(
                    verify(rsa, rsaCard, signatureParameters(replaced)),
                    ReasonCode.SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID);
        }
    }

    @Test
    void acceptsRsaSignatureParametersAbsentAsRfc5754Requires() {
        VerificationResult result = verify(rsa, rsaCard, signatureParameters(null));

        assertThat(result.verified()).isTrue();
        assertThat(result.check(Check.SOD_SIGNATURE).evidence()).containsEntry("signatureParameters", "absent");
    }

    @Test
    void refusesDuplicatedOrUnusedDigestAlgorithms() {
        AlgorithmIdentifier signerDigest =
                SodCorruption.signerInfo(ecCard.files().get("SOD")).getDigestAlgorithm();
        AlgorithmIdentifier sha512 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512);
        AlgorithmIdentifier withNull = new AlgorithmIdentifier(signerDigest.getAlgorithm(), DERNull.INSTANCE);

        assertRefusedBySodSignature(
                verifyEc(sod -> SodCorruption.withDigestAlgorithms(sod, signerDigest, signerDigest)),
                ReasonCode.SOD_DIGEST_ALGORITHM_DUPLICATE);
        assertRefusedBySodSignature(
                verifyEc(sod -> SodCorruption.withDigestAlgorithms(sod, signerDigest, sha512)),
                ReasonCode.SOD_DIGEST_ALGORITHM_UNUSED);
        assertRefusedBySodSignature(
                verifyEc(sod -> SodCorruption.withDigestAlgorithms(sod, signerDigest, withNull)),
                ReasonCode.SOD_DIGEST_ALGORITHM_UNUSED);
        assertRefusedBySodSignature(verifyEc(sod -> SodCorruption.withDigestAlgorithms(sod)), ReasonCode.SOD_MALFORMED);
    }
}
