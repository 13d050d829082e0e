package vn.healthid.identity.chip;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Document Signer certificate must be signed by a trusted CSCA (or by a link certificate that chains to one).
 * Successful validations are memoized in the {@link ChainCache}.
 */
final class ChainCheck {

    private static final Set<String> MD5_SIGNATURES = Set.of("1.2.840.113549.1.1.4", "1.2.840.113549.1.1.3");

    private final TrustStore trust;
    private final ChainCache cache;

    ChainCheck(TrustStore trust, ChainCache cache) {
        this.trust = trust;
        this.cache = cache;
    }

    CheckResult run(Verification v) {
        if (v.chain != null) {
            return CheckResult.succeeded(
                    Check.CERTIFICATE_CHAIN, Map.of("chain", v.chain.describe(), "cached", "true"));
        }
        X509Certificate ds = v.documentSigner;
        if (MD5_SIGNATURES.contains(ds.getSigAlgOID())) {
            return CheckResult.failed(
                    Check.CERTIFICATE_CHAIN,
                    ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    Map.of("algorithm", ds.getSigAlgOID()));
        }
        for (X509Certificate issuer : trust.issuersNamed(ds.getIssuerX500Principal())) {
            if (signs(issuer, ds)) {
                v.chain = new TrustedChain(ds, pathFrom(issuer));
                cache.put(v.documentSignerKey, v.chain);
                return CheckResult.succeeded(
                        Check.CERTIFICATE_CHAIN, Map.of("chain", v.chain.describe(), "cached", "false"));
            }
        }
        return CheckResult.failed(
                Check.CERTIFICATE_CHAIN,
                ReasonCode.CHAIN_UNTRUSTED_ISSUER,
                Map.of("dsIssuer", ds.getIssuerX500Principal().getName()));
    }

    /** The issuer, then whoever signed it, up to a self-signed CSCA (the trust store checked those links on load). */
    private List<X509Certificate> pathFrom(X509Certificate issuer) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = issuer;
        path.add(current);
        while (!current.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && path.size() < 8) {
            X509Certificate next = null;
            for (X509Certificate candidate : trust.issuersNamed(current.getIssuerX500Principal())) {
                if (!path.contains(candidate) && signs(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            path.add(next);
            current = next;
        }
        return path;
    }

    private static boolean signs(X509Certificate issuer, X509Certificate subject) {
        try {
            subject.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not this issuer's key (rollover), or a signature that is not even well formed.
            return false;
        }
    }
}
