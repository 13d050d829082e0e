package vn.healthid.identity.chip;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The Document Signer and the CSCAs on its path must not be listed on a configured CRL from their issuer. Without
 * CRLs (or without one from the DS's issuer) the check is NOT_PRESENT: policy decides what that is worth. Without a
 * trusted chain only the DS is looked up (by its issuer's name), so a revoked DS is reported even then.
 */
final class RevocationCheck {

    private final TrustStore trust;

    RevocationCheck(TrustStore trust) {
        this.trust = trust;
    }

    CheckResult run(Verification v) {
        if (!trust.hasCrls()) {
            return CheckResult.notPresent(Check.REVOCATION, ReasonCode.OK, Map.of("detail", "no CRL configured"));
        }
        X509Certificate ds = v.documentSigner;
        List<X509CRL> dsCrls = trust.crlsFrom(ds.getIssuerX500Principal());
        for (X509CRL crl : dsCrls) {
            if (crl.isRevoked(ds)) {
                return CheckResult.failed(
                        Check.REVOCATION,
                        ReasonCode.DS_REVOKED,
                        Map.of(
                                "dsSerial", ds.getSerialNumber().toString(16),
                                "crlIssuer", crl.getIssuerX500Principal().getName()));
            }
        }
        List<X509Certificate> path = v.chain == null ? List.of() : v.chain.path();
        for (X509Certificate csca : path) {
            for (X509CRL crl : trust.crlsFrom(csca.getIssuerX500Principal())) {
                if (crl.isRevoked(csca)) {
                    return CheckResult.failed(
                            Check.REVOCATION,
                            ReasonCode.CSCA_REVOKED,
                            Map.of("csca", csca.getSubjectX500Principal().getName()));
                }
            }
        }
        if (dsCrls.isEmpty()) {
            return CheckResult.notPresent(
                    Check.REVOCATION, ReasonCode.OK, Map.of("detail", "no CRL from the DS's issuer"));
        }
        return CheckResult.succeeded(
                Check.REVOCATION,
                v.chain == null
                        ? Map.of("crls", Integer.toString(dsCrls.size()), "csca", "not judged: no trusted chain")
                        : Map.of("crls", Integer.toString(dsCrls.size())));
    }
}
