package vn.healthid.sandbox.cards;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;

/** A CSCA of the sandbox: its name, keys and self-signed certificate; issues signer certificates. */
record SandboxCa(X500Name name, KeyPair keys, X509Certificate certificate) {

    CertificateBuilder.Issuer issuer() {
        return new CertificateBuilder.Issuer(name, keys.getPublic(), keys.getPrivate());
    }

    DocumentSigner issue(SandboxPki pki, String label, String commonName, Instant from, Instant to) {
        KeyPair signerKeys = pki.keys(label);
        X509Certificate certificate =
                pki.certificates(label).signer(issuer(), pki.signerName(commonName), signerKeys.getPublic(), from, to);
        return new DocumentSigner(certificate, signerKeys.getPrivate());
    }
}
