package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.jmrtd.lds.SODFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureSchemesTest {

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void everySchemeIssuesAChainAndAnSodThatVerify(SignatureScheme scheme) throws Exception {
        SandboxPki pki = SandboxPki.generate(Fixtures.SEED, scheme, Fixtures.NOW);
        pki.documentSigner().verify(pki.csca().getPublicKey());
        pki.crl().verify(pki.csca().getPublicKey());

        Card card = new CardIssuer(pki)
                .issue(Fixtures.citizen(), CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        SodInspector sod = new SodInspector(card.files().get("SOD"));
        X509Certificate ds = sod.documentSigner();
        assertThat(ds).isEqualTo(pki.documentSigner());
        assertThat(sod.signatureVerifiesWith(ds)).isTrue();
        SODFile jmrtd = new SODFile(new ByteArrayInputStream(card.files().get("SOD")));
        assertThat(jmrtd.getDocSigningCertificate()).isEqualTo(pki.documentSigner());
        assertThat(jmrtd.getDataGroupHashes()).containsOnlyKeys(1, 2, 13, 14, 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-1", "SHA-224", "SHA-384", "SHA-512"})
    void sodHashesDataGroupsWithTheRequestedDigest(String digest) throws Exception {
        Card card = new CardIssuer(Fixtures.rsaPki())
                .issue(Fixtures.citizen(), CardSpec.defaults().withDigest(digest));
        SODFile sod = new SODFile(new ByteArrayInputStream(card.files().get("SOD")));
        assertThat(MessageDigest.getInstance(sod.getDigestAlgorithm()).getAlgorithm())
                .isEqualTo(digest);
        assertThat(sod.getDataGroupHashes().get(13))
                .isEqualTo(MessageDigest.getInstance(digest).digest(card.files().get("DG13")));
    }

    @org.junit.jupiter.api.Test
    void md5SodCanBeBuiltForRejectionTests() throws Exception {
        Card card = new CardIssuer(Fixtures.rsaPki())
                .issue(Fixtures.citizen(), CardSpec.defaults().withDigest("MD5"));
        byte[] content =
                (byte[]) new org.bouncycastle.cms.CMSSignedData(org.bouncycastle.asn1.ASN1TaggedObject.getInstance(
                                        card.files().get("SOD"))
                                .getExplicitBaseObject()
                                .toASN1Primitive()
                                .getEncoded())
                        .getSignedContent()
                        .getContent();
        assertThat(org.bouncycastle.asn1.icao.LDSSecurityObject.getInstance(content)
                        .getDigestAlgorithmIdentifier()
                        .getAlgorithm()
                        .getId())
                .isEqualTo("1.2.840.113549.2.5");
    }

    @org.junit.jupiter.api.Test
    void unknownDigestIsRefused() {
        CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());
        CardSpec spec = CardSpec.defaults().withDigest("SHA-999");
        assertThatThrownBy(() -> issuer.issue(Fixtures.citizen(), spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureScheme.class,
            names = {"RSA_PSS_SHA256", "ECDSA_BRAINPOOL_P384_SHA384"})
    void signatureAlgorithmIsTheSchemes(SignatureScheme scheme) {
        SandboxPki pki = SandboxPki.generate(Fixtures.SEED, scheme, Fixtures.NOW);
        String expectedOid = scheme == SignatureScheme.RSA_PSS_SHA256 ? "1.2.840.113549.1.1.10" : "1.2.840.10045.4.3.3";
        assertThat(pki.documentSigner().getSigAlgOID()).isEqualTo(expectedOid);
        assertThat(pki.csca().getPublicKey().getAlgorithm()).isIn("RSA", "EC", "ECDSA");
    }
}
