package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;

class PkiTest {

    private final SandboxPki pki = Fixtures.rsaPki();

    @Test
    void sameSeedAndInstantGiveTheSameCertificates() throws Exception {
        SandboxPki again = SandboxPki.generate(Fixtures.SEED, SignatureScheme.RSA_PKCS1_SHA256, Fixtures.NOW);
        assertThat(again.csca().getEncoded()).isEqualTo(pki.csca().getEncoded());
        assertThat(again.documentSigner().getEncoded())
                .isEqualTo(pki.documentSigner().getEncoded());
        assertThat(again.trustPem()).isEqualTo(pki.trustPem());
        assertThat(again.masterList()).isEqualTo(pki.masterList());
        assertThat(again.crlPem()).isEqualTo(pki.crlPem());
    }

    @Test
    void anotherSeedGivesOtherKeys() {
        SandboxPki other = SandboxPki.generate(Fixtures.SEED + 1, SignatureScheme.ECDSA_P256_SHA256, Fixtures.NOW);
        SandboxPki same = SandboxPki.generate(Fixtures.SEED, SignatureScheme.ECDSA_P256_SHA256, Fixtures.NOW);
        assertThat(other.csca().getPublicKey()).isNotEqualTo(same.csca().getPublicKey());
    }

    @Test
    void cscaIsASelfSignedCaForCertificatesAndCrls() throws Exception {
        X509Certificate csca = pki.csca();
        csca.verify(csca.getPublicKey());
        assertThat(csca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(csca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(csca.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(csca.getKeyUsage()[0]).as("digitalSignature").isFalse();
    }

    @Test
    void documentSignerIsIssuedByTheCscaForDigitalSignatureOnly() throws Exception {
        X509Certificate ds = pki.documentSigner();
        ds.verify(pki.csca().getPublicKey());
        ds.checkValidity(java.util.Date.from(pki.now()));
        assertThat(ds.getBasicConstraints()).isEqualTo(-1);
        assertThat(ds.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
    }

    @Test
    void linkCertificateCertifiesTheSecondCscaKeyWithTheFirst() throws Exception {
        X509Certificate link = pki.linkCertificate();
        link.verify(pki.csca().getPublicKey());
        assertThat(link.getPublicKey()).isEqualTo(pki.secondCsca().getPublicKey());
        assertThat(link.getSubjectX500Principal()).isEqualTo(pki.secondCsca().getSubjectX500Principal());
        assertThatThrownBy(() -> pki.secondCsca().verify(pki.csca().getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void trustPemHoldsTheCscaTheLinkAndTheSecondCsca() throws Exception {
        List<java.security.cert.Certificate> certificates = List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pki.trustPem().getBytes())));
        assertThat(certificates).containsExactly(pki.csca(), pki.linkCertificate(), pki.secondCsca());
    }

    @Test
    void crlIsSignedByTheCscaAndRevokesOnlyTheRevokedDocumentSigner() throws Exception {
        pki.crl().verify(pki.csca().getPublicKey());
        assertThat(pki.crl().isRevoked(pki.revokedDocumentSigner())).isTrue();
        assertThat(pki.crl().isRevoked(pki.documentSigner())).isFalse();
        assertThat(pki.crlPem()).startsWith("-----BEGIN X509 CRL-----");
    }

    @Test
    void masterListIsCmsSignedByACscaIssuedSignerAndHoldsTheTrustedCscas() throws Exception {
        CMSSignedData cms = new CMSSignedData(pki.masterList());
        assertThat(cms.getSignedContentTypeOID()).isEqualTo(ICAOObjectIdentifiers.id_icao_cscaMasterList.getId());
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        X509Certificate signerCertificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder)
                cms.getCertificates().getMatches(signer.getSID()).iterator().next());
        signerCertificate.verify(pki.csca().getPublicKey());
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate)))
                .isTrue();

        Certificate[] listed =
                CscaMasterList.getInstance(cms.getSignedContent().getContent()).getCertStructs();
        // A SET OF: DER sorts it, so compare without order.
        List<String> encoded = List.of(listed).stream().map(PkiTest::der).toList();
        assertThat(encoded)
                .containsExactlyInAnyOrder(base64(pki.csca()), base64(pki.linkCertificate()), base64(pki.secondCsca()));
    }

    private static String base64(X509Certificate certificate) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    private static String der(Certificate certificate) {
        try {
            return java.util.Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
