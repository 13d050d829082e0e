package vn.healthid.sandbox.cards;

import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A synthetic Vietnamese passive-authentication PKI for tests and demos, NEVER for production:
 * two CSCAs joined by a link certificate, a Document Signer, a revoked and an expired Document
 * Signer, a rogue CSCA no one trusts, a CRL and a signed CSCA master list. Keys and serial
 * numbers come from the seed; validity dates from {@code now}.
 */
public final class SandboxPki {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String ORG = "O=healthid SANDBOX - not for production,C=VN";

    private final long seed;
    private final SignatureScheme scheme;
    private final Instant now;
    private final SandboxCa csca;
    private final SandboxCa secondCsca;
    private final X509Certificate link;
    private final DocumentSigner documentSigner;
    private final DocumentSigner revokedSigner;
    private final X509CRL crl;
    private final byte[] masterList;
    private DocumentSigner expiredSigner;
    private DocumentSigner rogueSigner;

    private SandboxPki(long seed, SignatureScheme scheme, Instant now) {
        this.seed = seed;
        this.scheme = scheme;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.csca = selfSigned("csca", "CN=Sandbox CSCA Viet Nam 01," + ORG, days(-5 * 365), days(10 * 365));
        this.secondCsca = selfSigned("csca2", "CN=Sandbox CSCA Viet Nam 02," + ORG, days(-365), days(15 * 365));
        this.link = certificates("link")
                .ca(
                        csca.issuer(),
                        secondCsca.name(),
                        secondCsca.keys().getPublic(),
                        days(-365),
                        csca.certificate().getNotAfter().toInstant());
        this.documentSigner = csca.issue(this, "ds", "CN=Sandbox Document Signer 01", days(-30), days(3 * 365));
        this.revokedSigner = csca.issue(this, "ds-revoked", "CN=Sandbox Document Signer 00", days(-400), days(3 * 365));
        this.crl = new CrlBuilder(certificates("crl"))
                .build(csca.certificate(), csca.keys().getPrivate(), revokedSigner.certificate(), this.now);
        DocumentSigner listSigner =
                csca.issue(this, "ml-signer", "CN=Sandbox Master List Signer", days(-30), days(3 * 365));
        this.masterList = new MasterListBuilder(new CmsSigner(certificates("ml")))
                .build(List.of(csca.certificate(), link, secondCsca.certificate()), listSigner, this.now);
    }

    public static SandboxPki generate(long seed, SignatureScheme scheme, Instant now) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(now, "now");
        BouncyCastle.provider();
        return new SandboxPki(seed, scheme, now);
    }

    /** The trusted root. */
    public X509Certificate csca() {
        return csca.certificate();
    }

    /** The newer CSCA, reachable from {@link #csca()} through {@link #linkCertificate()}. */
    public X509Certificate secondCsca() {
        return secondCsca.certificate();
    }

    /** The second CSCA's key certified by the first. */
    public X509Certificate linkCertificate() {
        return link;
    }

    /** Issued by {@link #csca()}, valid now, digitalSignature key usage. */
    public X509Certificate documentSigner() {
        return documentSigner.certificate();
    }

    /** The Document Signer that {@link #crl()} revokes. */
    public X509Certificate revokedDocumentSigner() {
        return revokedSigner.certificate();
    }

    /** Signed by {@link #csca()}; lists {@link #revokedDocumentSigner()}. */
    public X509CRL crl() {
        return crl;
    }

    /** PEM bundle: the CSCA, the link certificate and the second CSCA. */
    public String trustPem() {
        return Pem.certificates(List.of(csca.certificate(), link, secondCsca.certificate()));
    }

    /** ICAO CSCA master list (CMS SignedData, DER) holding the same CSCAs as {@link #trustPem()}. */
    public byte[] masterList() {
        return masterList.clone();
    }

    public String crlPem() {
        return Pem.crl(crl);
    }

    public SignatureScheme scheme() {
        return scheme;
    }

    /** The instant the PKI was generated for (to the second): SOD signing time and validity reference. */
    public Instant now() {
        return now;
    }

    DocumentSigner signer() {
        return documentSigner;
    }

    DocumentSigner revokedSigner() {
        return revokedSigner;
    }

    /** Valid for three years, ended yesterday. Built on first use: most runs never need it. */
    synchronized DocumentSigner expiredSigner() {
        if (expiredSigner == null) {
            expiredSigner = csca.issue(this, "ds-expired", "CN=Sandbox Document Signer 99", days(-3 * 365), days(-1));
        }
        return expiredSigner;
    }

    /** Issued by a CSCA that is in no trust list or master list. */
    synchronized DocumentSigner rogueSigner() {
        if (rogueSigner == null) {
            SandboxCa rogue = selfSigned(
                    "rogue-csca", "CN=Unknown CSCA,O=Not the sandbox authority,C=VN", days(-365), days(10 * 365));
            rogueSigner = rogue.issue(this, "rogue-ds", "CN=Rogue Document Signer", days(-30), days(3 * 365));
        }
        return rogueSigner;
    }

    CertificateBuilder certificates(String label) {
        return new CertificateBuilder(scheme, DeterministicRandom.of(seed, "cert/" + scheme + "/" + label));
    }

    KeyPair keys(String label) {
        return keys(label, scheme.keySpec());
    }

    KeyPair keys(String label, KeySpecName spec) {
        return SandboxKeys.keyPair(seed, label, spec);
    }

    X500Name signerName(String commonName) {
        return new X500Name(commonName + "," + ORG);
    }

    private SandboxCa selfSigned(String label, String dn, Instant from, Instant to) {
        KeyPair keys = keys(label);
        X500Name name = new X500Name(dn);
        return new SandboxCa(name, keys, certificates(label).selfSignedCsca(name, keys, from, to));
    }

    private Instant days(long count) {
        return now.plus(DAY.multipliedBy(count));
    }
}
