package vn.healthid.identity.chip;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which certificates of a trust file are CSCAs to trust: self-signed certificates with keyCertSign, then link
 * certificates (a new CSCA key signed by an old one) that verify under an already trusted CSCA, repeated until no
 * more are added, so a chain of rollovers is followed in any order.
 */
final class CscaAnchors {

    private static final int KEY_CERT_SIGN = 5;

    private CscaAnchors() {}

    static List<X509Certificate> select(List<X509Certificate> certificates) {
        List<X509Certificate> trusted = new ArrayList<>();
        List<X509Certificate> pending = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (!canSignCertificates(certificate)) {
                continue;
            }
            (isSelfSigned(certificate) ? trusted : pending).add(certificate);
        }
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no self-signed CSCA with keyCertSign in the trust file");
        }
        boolean added = true;
        while (added && !pending.isEmpty()) {
            added = false;
            for (X509Certificate link : List.copyOf(pending)) {
                if (signedByOneOf(link, trusted)) {
                    trusted.add(link);
                    pending.remove(link);
                    added = true;
                }
            }
        }
        return trusted;
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean canSignCertificates(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return usage != null && usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN];
    }

    private static boolean signedByOneOf(X509Certificate link, List<X509Certificate> trusted) {
        for (X509Certificate issuer : trusted) {
            if (issuer.getSubjectX500Principal().equals(link.getIssuerX500Principal())) {
                try {
                    link.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
                    return true;
                } catch (GeneralSecurityException e) {
                    // another CSCA of the same name may have signed it
                }
            }
        }
        return false;
    }
}
