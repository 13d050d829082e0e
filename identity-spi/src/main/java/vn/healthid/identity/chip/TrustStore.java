package vn.healthid.identity.chip;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The trusted CSCAs (self-signed roots and the link certificates that chain to them) and the CRLs that apply, loaded
 * from a PEM bundle or an ICAO master list. Immutable. Loading problems are misconfiguration: they throw
 * {@link IllegalArgumentException}, unlike a bad card which is only ever a result.
 */
public final class TrustStore {

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;

    private TrustStore(List<X509Certificate> anchors, List<X509CRL> crls) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
    }

    /** A PEM bundle of CSCA certificates (and link certificates). Every certificate must be a usable CSCA. */
    public static TrustStore fromPem(byte[] pem) {
        List<X509Certificate> certificates = readCertificates(pem);
        List<X509Certificate> anchors = CscaAnchors.select(certificates);
        if (anchors.size() != certificates.size()) {
            throw new IllegalArgumentException((certificates.size() - anchors.size())
                    + " certificate(s) in the PEM bundle are neither a self-signed CSCA with keyCertSign"
                    + " nor a link certificate signed by one");
        }
        return new TrustStore(anchors, List.of());
    }

    /** An ICAO CSCA master list; its CMS signature must verify and its signer chain to a CSCA in the list. */
    public static TrustStore fromMasterList(byte[] cms) {
        List<X509Certificate> anchors = CscaAnchors.select(MasterList.read(cms));
        return new TrustStore(anchors, List.of());
    }

    /** This store with CRLs added (PEM or DER); each CRL must be signed by a CSCA of this store. */
    public TrustStore withCrls(byte[] pemOrDer) {
        List<X509CRL> added = new ArrayList<>(crls);
        Collection<? extends CRL> read;
        try {
            read = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCRLs(new ByteArrayInputStream(pemOrDer));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable CRL file: " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no CRL in the file");
        }
        for (CRL crl : read) {
            X509CRL x509 = (X509CRL) crl;
            if (!signedByAnchor(x509)) {
                throw new IllegalArgumentException(
                        "CRL from " + x509.getIssuerX500Principal() + " is not signed by a trusted CSCA");
            }
            added.add(x509);
        }
        return new TrustStore(anchors, added);
    }

    /** The CSCAs of several stores together (each already checked on its own), with their CRLs. */
    public static TrustStore merge(List<TrustStore> stores) {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (TrustStore store : stores) {
            store.anchors.stream().filter(a -> !anchors.contains(a)).forEach(anchors::add);
            crls.addAll(store.crls);
        }
        // Roots first across all stores, as issuersNamed() expects.
        List<X509Certificate> ordered = new ArrayList<>(
                anchors.stream().filter(CscaAnchors::isSelfSigned).toList());
        anchors.stream().filter(a -> !ordered.contains(a)).forEach(ordered::add);
        return new TrustStore(ordered, crls);
    }

    public int cscaCount() {
        return anchors.size();
    }

    public int crlCount() {
        return crls.size();
    }

    /** Anchors whose subject is {@code issuer}, self-signed roots first (the order {@link CscaAnchors} keeps). */
    List<X509Certificate> issuersNamed(X500Principal issuer) {
        return anchors.stream()
                .filter(anchor -> anchor.getSubjectX500Principal().equals(issuer))
                .toList();
    }

    List<X509CRL> crlsFrom(X500Principal issuer) {
        return crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer))
                .toList();
    }

    boolean hasCrls() {
        return !crls.isEmpty();
    }

    private boolean signedByAnchor(X509CRL crl) {
        for (X509Certificate anchor : issuersNamed(crl.getIssuerX500Principal())) {
            try {
                crl.verify(anchor.getPublicKey(), BouncyCastle.PROVIDER);
                return true;
            } catch (GeneralSecurityException e) {
                // try the next CSCA of that name (key rollover)
            }
        }
        return false;
    }

    static List<X509Certificate> readCertificates(byte[] pem) {
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the trust file");
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable trust file: " + e.getMessage(), e);
        }
    }
}
