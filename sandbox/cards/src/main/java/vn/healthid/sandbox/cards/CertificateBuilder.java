package vn.healthid.sandbox.cards;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues the sandbox's X.509 certificates: CSCAs, link certificates, Document Signers, list signers. */
final class CertificateBuilder {

    /** Who signs: the issuer's name, public key (for the authority key identifier) and private key. */
    record Issuer(X500Name name, PublicKey publicKey, PrivateKey privateKey) {}

    private final SignatureScheme scheme;
    private final SecureRandom random;

    CertificateBuilder(SignatureScheme scheme, SecureRandom random) {
        this.scheme = scheme;
        this.random = random;
    }

    X509Certificate selfSignedCsca(X500Name name, KeyPair keys, Instant from, Instant to) {
        return ca(new Issuer(name, keys.getPublic(), keys.getPrivate()), name, keys.getPublic(), from, to);
    }

    /** A CA certificate: self-signed CSCA or link certificate (a new CSCA key signed by the old one). */
    X509Certificate ca(Issuer issuer, X500Name subject, PublicKey subjectKey, Instant from, Instant to) {
        return build(issuer, subject, subjectKey, from, to, true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** An end-entity signing certificate (Document Signer, master-list signer): digitalSignature only. */
    X509Certificate signer(Issuer issuer, X500Name subject, PublicKey subjectKey, Instant from, Instant to) {
        return build(issuer, subject, subjectKey, from, to, false, KeyUsage.digitalSignature);
    }

    private X509Certificate build(
            Issuer issuer, X500Name subject, PublicKey key, Instant from, Instant to, boolean ca, int keyUsage) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer.name(), serial(), Date.from(from), Date.from(to), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            utils.createAuthorityKeyIdentifier(issuer.publicKey()));
            return new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.provider())
                    .getCertificate(builder.build(contentSigner(issuer.privateKey())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue certificate " + subject, e);
        }
    }

    ContentSigner contentSigner(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(scheme.jcaSignatureName())
                    .setProvider(BouncyCastle.provider())
                    .setSecureRandom(random)
                    .build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + scheme, e);
        }
    }

    private BigInteger serial() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes).setBit(94);
    }
}
