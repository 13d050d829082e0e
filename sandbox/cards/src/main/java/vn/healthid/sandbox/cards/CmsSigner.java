package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * CMS SignedData as ICAO uses it (SOD, master list): encapsulated content, one SignerInfo with
 * contentType, messageDigest and an explicit signingTime, the signer's certificate included.
 * Returns the DER ContentInfo.
 */
final class CmsSigner {

    private final CertificateBuilder signatures;

    CmsSigner(CertificateBuilder signatures) {
        this.signatures = signatures;
    }

    byte[] sign(
            ASN1ObjectIdentifier contentType,
            byte[] content,
            X509Certificate signerCertificate,
            PrivateKey signerKey,
            Instant signingTime) {
        try {
            Attribute time = new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(BouncyCastle.provider())
                            .build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(time)))
                    .build(signatures.contentSigner(signerKey), signerCertificate));
            generator.addCertificate(new JcaX509CertificateHolder(signerCertificate));
            return generator
                    .generate(new CMSProcessableByteArray(contentType, content), true)
                    .toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign CMS content " + contentType, e);
        }
    }
}
