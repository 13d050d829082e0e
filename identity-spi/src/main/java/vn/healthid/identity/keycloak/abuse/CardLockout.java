package vn.healthid.identity.keycloak.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts active-authentication failures per card number in the cluster-wide single-use store, and locks the card
 * once the threshold is reached, for the configured time (sliding: each failure restarts it). The store key holds a
 * hash, never the number. Counting is best effort across nodes, which is enough to stop brute force.
 */
public final class CardLockout {

    private static final String PREFIX = "healthid.chip.aa-failures.";

    private final SingleUseObjectProvider store;
    private final int threshold;
    private final Duration duration;

    public CardLockout(SingleUseObjectProvider store, int threshold, Duration duration) {
        this.store = store;
        this.threshold = threshold;
        this.duration = duration;
    }

    public boolean isLocked(String cardNumber) {
        return failures(key(cardNumber)) >= threshold;
    }

    public void recordFailure(String cardNumber) {
        String key = key(cardNumber);
        int count = failures(key) + 1;
        store.put(key, duration.toSeconds(), Map.of("count", Integer.toString(count)));
    }

    private int failures(String key) {
        Map<String, String> notes = store.get(key);
        return notes == null ? 0 : Integer.parseInt(notes.getOrDefault("count", "0"));
    }

    private static String key(String cardNumber) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(cardNumber.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
