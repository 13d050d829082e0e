package vn.healthid.identity.keycloak.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts events per subject in fixed time windows, exactly, across the cluster: the n-th event of a window is the
 * one that wins {@code putIfAbsent} on slot n, so two nodes can never both count the same slot (a read-then-put
 * counter loses increments under parallel requests). Slots are taken in order, so every slot below a taken one is
 * taken too; a best-effort hint of the last taken slot keeps the scan short. Keys hold a hash of the subject, never
 * an address or a client id in clear.
 */
public final class SlotCounter {

    private final SingleUseObjectProvider store;
    private final String prefix;
    private final Clock clock;

    public SlotCounter(SingleUseObjectProvider store, String prefix, Clock clock) {
        this.store = store;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Takes one of the {@code limit} slots of the current window, or answers when the window has room again. */
    public Admission take(String subject, int limit, Duration window) {
        long now = clock.instant().getEpochSecond();
        long size = Math.max(1, window.toSeconds());
        long index = now / size;
        long end = (index + 1) * size;
        long lifespan = end - now + 1;
        String base = prefix + hash(subject) + "." + index + ".";
        for (int slot = Math.max(1, hint(base)); slot <= limit; slot++) {
            if (store.putIfAbsent(base + slot, lifespan)) {
                store.put(base + "hint", lifespan, Map.of("slot", Integer.toString(slot)));
                return new Admission(slot, 0);
            }
        }
        return new Admission(0, Math.max(1, end - now));
    }

    private int hint(String base) {
        Map<String, String> notes = store.get(base + "hint");
        if (notes == null) {
            return 1;
        }
        try {
            return Integer.parseInt(notes.getOrDefault("slot", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String hash(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** {@code slot}: the slot taken (1 = the first event of the window), 0 when refused. */
    public record Admission(int slot, long retryAfterSeconds) {

        public boolean admitted() {
            return slot > 0;
        }
    }
}
