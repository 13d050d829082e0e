package vn.healthid.identity.chip;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A Document Signer certificate whose signature verified under a trusted CSCA: {@code path} runs from the
 * certificate that issued the DS (a CSCA or a link certificate) up to a self-signed CSCA.
 */
record TrustedChain(X509Certificate documentSigner, List<X509Certificate> path) {

    TrustedChain {
        path = List.copyOf(path);
    }

    String describe() {
        StringBuilder text =
                new StringBuilder(documentSigner.getSubjectX500Principal().getName());
        for (X509Certificate issuer : path) {
            text.append(" <- ").append(issuer.getSubjectX500Principal().getName());
            text.append(" #").append(issuer.getSerialNumber().toString(16));
        }
        return text.toString();
    }
}
