package vn.healthid.sandbox.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The documented rule (docs/chip-bundle.md) turning healthid's long nonce into the 8-byte RND.IFD a
 * chip can sign: the first 8 bytes of SHA-256("healthid-aa-v1" || nonce).
 */
public final class AaChallenge {

    private static final byte[] CONTEXT = "healthid-aa-v1".getBytes(StandardCharsets.US_ASCII);

    private AaChallenge() {}

    public static byte[] derive(byte[] nonce) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(CONTEXT);
            return Arrays.copyOf(sha256.digest(nonce), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
