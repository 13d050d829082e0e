package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.io.StringWriter;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text for certificates and CRLs. */
final class Pem {

    private Pem() {}

    static String certificates(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    static String crl(X509CRL crl) {
        return write(crl);
    }

    private static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return text.toString();
    }
}
