package vn.healthid.identity.chip;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Whether a SignerInfo's identifier names a certificate (RFC 5652 §5.3): issuerAndSerialNumber with version 1, the
 * issuer's DER bytes equal to the certificate's (no X.500 name matching, which would accept another case, string
 * type or RDN order: docs/cccd-chip.md), or subjectKeyIdentifier with version 3, equal to the certificate's SKI.
 */
final class SignerIdentifiers {

    private SignerIdentifiers() {}

    static boolean matches(SignerInfo signer, X509Certificate certificate) {
        SignerIdentifier sid = signer.getSID();
        int version = signer.getVersion().intValueExact();
        if (sid.isTagged()) {
            byte[] keyId = ASN1OctetString.getInstance(sid.getId()).getOctets();
            byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (version != 3 || extension == null) {
                return false;
            }
            byte[] certificateKeyId = ASN1OctetString.getInstance(
                            ASN1OctetString.getInstance(extension).getOctets())
                    .getOctets();
            return Arrays.equals(keyId, certificateKeyId);
        }
        IssuerAndSerialNumber issuerAndSerial = IssuerAndSerialNumber.getInstance(sid.getId());
        try {
            // The SignerInfo was checked to be DER, and so was the certificate: both encodings are the bytes received.
            return version == 1
                    && issuerAndSerial.getSerialNumber().getValue().equals(certificate.getSerialNumber())
                    && Arrays.equals(
                            issuerAndSerial.getName().getEncoded(ASN1Encoding.DER),
                            certificate.getIssuerX500Principal().getEncoded());
        } catch (IOException e) {
            return false;
        }
    }
}
