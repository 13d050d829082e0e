package vn.healthid.identity.chip;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The state of one verification as its checks run: the inputs each check produces for the others (the parsed SOD,
 * the DS certificate, the trusted chain), never their verdicts, so that every check runs whose input exists. Not
 * shared between threads; a new one per bundle.
 */
final class Verification {

    final ChipBundle bundle;
    final byte[] issuedNonce;
    final Instant now;
    final LocalDate today;

    Sod sod;
    byte[] documentSignerDer;
    java.nio.ByteBuffer documentSignerKey;
    X509Certificate documentSigner;
    TrustedChain chain;
    /** The CMS signingTime as the SOD states it; {@link #sodSignatureVerified} says whether the DS signed it. */
    Instant signingTime;

    boolean sodSignatureVerified;
    boolean activelyAuthenticated;
    VerifiedCitizen citizen;

    Verification(ChipBundle bundle, byte[] issuedNonce, Instant now, LocalDate today) {
        this.bundle = bundle;
        this.issuedNonce = issuedNonce;
        this.now = now;
        this.today = today;
    }

    byte[] file(String name) {
        return bundle.files().get(name);
    }
}
