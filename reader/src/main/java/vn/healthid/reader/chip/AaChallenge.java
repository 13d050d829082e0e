package vn.healthid.reader.chip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The documented rule (docs/chip-bundle.md, "The active-authentication challenge"): a chip signs 8 bytes, healthid
 * issues a longer nonce, and RND.IFD = the first 8 bytes of SHA-256(ASCII("healthid-aa-v1") || nonce).
 */
public final class AaChallenge {

    private static final byte[] CONTEXT = "healthid-aa-v1".getBytes(StandardCharsets.US_ASCII);
    public static final int MIN_NONCE_BYTES = 16;

    private AaChallenge() {}

    public static byte[] rndIfd(byte[] nonce) {
        if (nonce == null || nonce.length < MIN_NONCE_BYTES) {
            throw new IllegalArgumentException("the nonce must be at least " + MIN_NONCE_BYTES + " bytes");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(CONTEXT);
            sha256.update(nonce);
            return Arrays.copyOf(sha256.digest(), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
