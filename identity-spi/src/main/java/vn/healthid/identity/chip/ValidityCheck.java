package vn.healthid.identity.chip;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The Document Signer was valid when it signed (the CMS signingTime, else now) and has digitalSignature; every CSCA
 * on its path was valid then and may sign certificates. Runs whatever the signature and chain verdicts: with an
 * unverified SOD signature the stated signingTime is used and said so; without a trusted chain only the DS is judged.
 */
final class ValidityCheck {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;

    CheckResult run(Verification v) {
        Instant at = v.signingTime != null ? v.signingTime : v.now;
        Date when = Date.from(at);
        String basis = v.signingTime == null
                ? "now"
                : v.sodSignatureVerified ? "signingTime" : "signingTime, SOD signature not verified";
        X509Certificate ds = v.documentSigner;
        if (!validAt(ds, when)) {
            return failed(
                    ReasonCode.DS_NOT_VALID_AT_SIGNING_TIME,
                    Map.of(
                            "at", at + " (" + basis + ")",
                            "notBefore", ds.getNotBefore().toInstant().toString(),
                            "notAfter", ds.getNotAfter().toInstant().toString()));
        }
        boolean[] usage = ds.getKeyUsage();
        if (usage == null || usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE]) {
            return failed(ReasonCode.DS_KEY_USAGE_INVALID, Map.of("detail", "DS lacks digitalSignature"));
        }
        if (v.chain == null) {
            return CheckResult.succeeded(
                    Check.CERTIFICATE_VALIDITY,
                    Map.of("at", at + " (" + basis + ")", "csca", "not judged: no trusted chain"));
        }
        for (X509Certificate csca : v.chain.path()) {
            boolean[] cscaUsage = csca.getKeyUsage();
            if (!validAt(csca, when)
                    || cscaUsage == null
                    || cscaUsage.length <= KEY_CERT_SIGN
                    || !cscaUsage[KEY_CERT_SIGN]) {
                return failed(
                        ReasonCode.CSCA_NOT_VALID,
                        Map.of("csca", csca.getSubjectX500Principal().getName(), "at", at + " (" + basis + ")"));
            }
        }
        return CheckResult.succeeded(Check.CERTIFICATE_VALIDITY, Map.of("at", at + " (" + basis + ")"));
    }

    private static boolean validAt(X509Certificate certificate, Date when) {
        try {
            certificate.checkValidity(when);
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    private static CheckResult failed(ReasonCode reason, Map<String, String> evidence) {
        return CheckResult.failed(Check.CERTIFICATE_VALIDITY, reason, evidence);
    }
}
