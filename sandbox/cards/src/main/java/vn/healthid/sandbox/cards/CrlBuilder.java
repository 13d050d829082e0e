package vn.healthid.sandbox.cards;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/** The CSCA's certificate revocation list, naming the revoked Document Signer. */
final class CrlBuilder {

    private final CertificateBuilder signatures;

    CrlBuilder(CertificateBuilder signatures) {
        this.signatures = signatures;
    }

    X509CRL build(X509Certificate csca, PrivateKey cscaKey, X509Certificate revoked, Instant now) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(csca, Date.from(now.minus(Duration.ofDays(1))))
                    .setNextUpdate(Date.from(now.plus(Duration.ofDays(90))))
                    .addCRLEntry(
                            revoked.getSerialNumber(),
                            Date.from(now.minus(Duration.ofDays(2))),
                            CRLReason.keyCompromise)
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(csca));
            return new JcaX509CRLConverter()
                    .setProvider(BouncyCastle.provider())
                    .getCRL(builder.build(signatures.contentSigner(cscaKey)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the CRL", e);
        }
    }
}
