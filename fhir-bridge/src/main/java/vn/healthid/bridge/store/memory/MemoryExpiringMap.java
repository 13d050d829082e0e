package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings with an expiry, shared by the in-memory single-use store and cache. Expired entries are
 * dropped when touched and swept when the map grows past {@code sweepAt}.
 */
final class MemoryExpiringMap {

    private record Entry(String value, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int sweepAt;

    MemoryExpiringMap(Clock clock, int sweepAt) {
        this.clock = clock;
        this.sweepAt = sweepAt;
    }

    Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry)) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String key, String value, Duration ttl) {
        sweepIfLarge();
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
    }

    boolean putIfAbsent(String key, String value, Duration ttl) {
        sweepIfLarge();
        Entry fresh = new Entry(value, clock.instant().plus(ttl));
        Entry result = entries.compute(key, (k, current) -> current == null || expired(current) ? fresh : current);
        return result == fresh;
    }

    Optional<String> take(String key) {
        Entry entry = entries.remove(key);
        return entry == null || expired(entry) ? Optional.empty() : Optional.of(entry.value());
    }

    void remove(String key) {
        entries.remove(key);
    }

    void removeIfEquals(String key, String expected) {
        entries.computeIfPresent(key, (k, current) -> current.value().equals(expected) ? null : current);
    }

    boolean contains(String key) {
        return get(key).isPresent();
    }

    private boolean expired(Entry entry) {
        return !clock.instant().isBefore(entry.expiresAt());
    }

    private void sweepIfLarge() {
        if (entries.size() >= sweepAt) {
            entries.values().removeIf(this::expired);
        }
    }
}
