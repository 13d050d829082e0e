package vn.healthid.identity.chip;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * An ICAO 9303-12 CSCA master list: CMS SignedData over a CscaMasterList. Its signature is verified with the master
 * list signer's certificate, and that certificate must be issued by a CSCA the list itself holds (the list vouches
 * for its own content only through a CSCA the operator then trusts).
 */
final class MasterList {

    private MasterList() {}

    static List<X509Certificate> read(byte[] cms) {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            if (!ICAOObjectIdentifiers.id_icao_cscaMasterList.equals(
                    signed.getSignedContentTypeOID() == null
                            ? null
                            : new org.bouncycastle.asn1.ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
                throw new IllegalArgumentException("not a CSCA master list (eContentType)");
            }
            byte[] content = (byte[]) signed.getSignedContent().getContent();
            CscaMasterList list = CscaMasterList.getInstance(ASN1Primitive.fromByteArray(content));
            JcaX509CertificateConverter converter =
                    new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER);
            List<X509Certificate> cscas = new ArrayList<>();
            for (org.bouncycastle.asn1.x509.Certificate certificate : list.getCertStructs()) {
                cscas.add(converter.getCertificate(new X509CertificateHolder(certificate)));
            }
            verifySignature(signed, CscaAnchors.select(cscas), converter);
            return cscas;
        } catch (CMSException | IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                throw iae;
            }
            throw new IllegalArgumentException(
                    "unreadable master list: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void verifySignature(
            CMSSignedData signed, List<X509Certificate> cscas, JcaX509CertificateConverter converter)
            throws CMSException, GeneralSecurityException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IllegalArgumentException("a master list has exactly one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("the master list signer's certificate is missing");
        }
        X509Certificate signerCertificate =
                converter.getCertificate(matches.iterator().next());
        boolean chained = false;
        for (X509Certificate csca : cscas) {
            if (csca.getSubjectX500Principal().equals(signerCertificate.getIssuerX500Principal())) {
                try {
                    signerCertificate.verify(csca.getPublicKey(), BouncyCastle.PROVIDER);
                    chained = true;
                    break;
                } catch (GeneralSecurityException e) {
                    // another CSCA of the same name (rollover) may have issued it
                }
            }
        }
        if (!chained) {
            throw new IllegalArgumentException("the master list signer is not issued by a CSCA in the list");
        }
        try {
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(signerCertificate));
            if (!valid) {
                throw new IllegalArgumentException("the master list signature does not verify");
            }
        } catch (OperatorCreationException e) {
            throw new IllegalArgumentException("the master list signature algorithm is not supported", e);
        }
    }
}
