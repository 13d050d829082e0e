package vn.healthid.identity.chip;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance verification uses, passed explicitly to every JCA call (never installed
 * globally): the JDK's SunEC has no brainpool curves and is several times slower on P-256 (SECURITY.md).
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", PROVIDER);
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }
}
