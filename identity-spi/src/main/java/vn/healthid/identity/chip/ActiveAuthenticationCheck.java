package vn.healthid.identity.chip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Active authentication with DG15's key over RND.IFD, which this verifier derives itself from the nonce it issued
 * (docs/chip-bundle.md): the first 8 bytes of SHA-256("healthid-aa-v1" || nonce). RSA keys use ISO/IEC 9796-2
 * scheme 1; EC keys plain r || s ECDSA with the algorithm DG14 names (mapped here, not through JMRTD's
 * lookupMnemonicByOID, which names DER ECDSA and so fails every card).
 */
final class ActiveAuthenticationCheck {

    private static final byte[] DOMAIN = "healthid-aa-v1".getBytes(StandardCharsets.US_ASCII);

    static byte[] challengeFor(byte[] nonce) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(DOMAIN);
            return Arrays.copyOf(sha256.digest(nonce), 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    CheckResult run(Verification v) {
        byte[] dg15 = v.file("DG15");
        if (dg15 == null) {
            String detail = v.sod != null && v.sod.hashes().containsKey(15)
                    ? "the SOD lists DG15 but the bundle omits it"
                    : "no DG15";
            return CheckResult.notPresent(
                    Check.ACTIVE_AUTHENTICATION, ReasonCode.AA_NOT_SUPPORTED_BY_CARD, Map.of("detail", detail));
        }
        if (v.bundle.aaSignature() == null) {
            return CheckResult.notPresent(Check.ACTIVE_AUTHENTICATION, ReasonCode.AA_SIGNATURE_MISSING, Map.of());
        }
        byte[] challenge = challengeFor(v.issuedNonce);
        try {
            PublicKey key = ActiveAuthenticationKey.fromDg15(dg15);
            if (key instanceof RSAPublicKey rsa) {
                return outcome(v, Iso9796Scheme1.verify(rsa, v.bundle.aaSignature(), challenge), "ISO9796-2 scheme 1");
            }
            if (key instanceof ECPublicKey ec) {
                return ecdsa(v, ec, challenge);
            }
            return failed(ReasonCode.AA_ALGORITHM_UNKNOWN, "DG15 key " + key.getAlgorithm());
        } catch (MalformedException e) {
            return failed(e.reason(), e.getMessage());
        }
    }

    private CheckResult ecdsa(Verification v, ECPublicKey key, byte[] challenge) throws MalformedException {
        byte[] dg14 = v.file("DG14");
        if (dg14 == null) {
            return failed(ReasonCode.AA_ALGORITHM_UNKNOWN, "EC key without DG14");
        }
        Optional<ASN1ObjectIdentifier> oid = ActiveAuthenticationKey.algorithmFromDg14(dg14);
        Optional<String> name = oid.flatMap(Algorithms::plainEcdsa);
        if (name.isEmpty()) {
            return failed(
                    ReasonCode.AA_ALGORITHM_UNKNOWN,
                    oid.map(o -> "DG14 names " + o.getId()).orElse("no ActiveAuthenticationInfo in DG14"));
        }
        boolean valid;
        try {
            Signature signature = Signature.getInstance(name.get(), BouncyCastle.PROVIDER);
            signature.initVerify(key);
            signature.update(challenge);
            valid = signature.verify(v.bundle.aaSignature());
        } catch (GeneralSecurityException | RuntimeException e) {
            valid = false; // a signature of the wrong length or shape does not verify
        }
        return outcome(v, valid ? ReasonCode.OK : ReasonCode.AA_SIGNATURE_INVALID, name.get());
    }

    private static CheckResult outcome(Verification v, ReasonCode reason, String algorithm) {
        if (reason != ReasonCode.OK) {
            return failed(reason, algorithm);
        }
        v.activelyAuthenticated = true;
        return CheckResult.succeeded(Check.ACTIVE_AUTHENTICATION, Map.of("algorithm", algorithm));
    }

    private static CheckResult failed(ReasonCode reason, String detail) {
        return CheckResult.failed(Check.ACTIVE_AUTHENTICATION, reason, Map.of("detail", detail));
    }
}
