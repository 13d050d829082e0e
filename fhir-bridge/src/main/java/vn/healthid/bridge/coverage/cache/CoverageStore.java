package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * The small key-value seam the coverage feature needs from the bridge's shared store (Redis in a
 * cluster, memory on one node). Implementations may throw on an outage; {@link ResilientStore}
 * turns that into a cache miss.
 */
public interface CoverageStore extends AutoCloseable {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Deletes {@code key} only while it still holds {@code expected}. */
    void deleteIfEquals(String key, String expected);

    /** Releases connections; nothing to do by default. */
    @Override
    default void close() {}
}
