package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/** Test-side reading of an EF.SOD with Bouncy Castle CMS (independent of the issuer's code). */
final class SodInspector {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final CMSSignedData signedData;

    SodInspector(byte[] sod) throws IOException, CMSException {
        ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(sod);
        this.signedData = new CMSSignedData(
                wrapper.getExplicitBaseObject().toASN1Primitive().getEncoded(ASN1Encoding.DER));
    }

    SignerInformation signer() {
        return signedData.getSignerInfos().getSigners().iterator().next();
    }

    X509Certificate documentSigner() throws Exception {
        X509CertificateHolder holder = (X509CertificateHolder) signedData
                .getCertificates()
                .getMatches(signer().getSID())
                .iterator()
                .next();
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
    }

    /** The signature alone, with the certificate's key (BC's certificate-based check would add validity). */
    boolean signatureVerifiesWith(X509Certificate certificate) throws OperatorCreationException {
        try {
            return signer().verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BC)
                    .build(certificate.getPublicKey()));
        } catch (CMSException e) {
            return false;
        }
    }

    Date signingTime() {
        Attribute attribute = signer().getSignedAttributes().get(CMSAttributes.signingTime);
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
    }

    String eContentType() {
        return signedData.getSignedContentTypeOID();
    }
}
