package vn.healthid.identity.chip;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;

/** Whether a SignerInfo's identifier (issuer and serial, or subject key identifier) names a certificate. */
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
        return version == 1
                && issuerAndSerial.getSerialNumber().getValue().equals(certificate.getSerialNumber())
                && issuerAndSerial
                        .getName()
                        .equals(X500Name.getInstance(
                                certificate.getIssuerX500Principal().getEncoded()));
    }
}
