package vn.healthid.bridge.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache of strings with a time to live per entry. {@link #putIfAbsent} is atomic, so callers
 * can use it as a short lock for single-flight (only the winner calls the upstream).
 */
public interface TtlCache {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Stores the value only when the key is absent; true when this call stored it. */
    boolean putIfAbsent(String key, String value, Duration ttl);

    void remove(String key);

    /** Removes the entry only while it still holds {@code expected} (atomic on Redis). */
    void removeIfEquals(String key, String expected);
}
