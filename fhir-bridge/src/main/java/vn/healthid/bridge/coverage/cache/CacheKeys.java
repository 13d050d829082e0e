package vn.healthid.bridge.coverage.cache;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cache keys for (card or national id, facility, date). The number is keyed with HMAC-SHA256 so
 * that no identity number appears in the store (a plain hash of 12 digits is easy to reverse).
 */
public final class CacheKeys {

    private final SecretKeySpec key;

    public CacheKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("healthid.gateway.cache.key must hold at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(String number, String facility, LocalDate date) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var digest = mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20) + ":" + facility + ":" + date;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
