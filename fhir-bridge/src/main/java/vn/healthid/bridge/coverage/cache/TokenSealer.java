package vn.healthid.bridge.coverage.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the gateway session at rest, so that someone who can read Redis cannot call the
 * insurance gateway as the bridge. A fresh random 96-bit nonce per write; the store key is bound
 * as additional data, so an entry copied under another key does not open. Stored form:
 * {@code g1.<base64url(nonce || ciphertext || tag)>}.
 */
public final class TokenSealer {

    private static final String VERSION = "g1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private TokenSealer(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key as configured: base64 of exactly 32 bytes; anything else stops the bridge. */
    public static TokenSealer fromBase64(String configured) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("healthid.gateway.token-encryption-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "healthid.gateway.token-encryption-key must be 32 bytes (256 bits), not " + key.length);
        }
        return new TokenSealer(key);
    }

    public String seal(String plaintext, String storeKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, storeKey);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext; empty for anything not sealed by this key under {@code storeKey}. */
    public Optional<String> open(String stored, String storeKey) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), storeKey);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // tampered, truncated or sealed with another key: a miss
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String storeKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(storeKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "TokenSealer[AES-256-GCM]";
    }
}
