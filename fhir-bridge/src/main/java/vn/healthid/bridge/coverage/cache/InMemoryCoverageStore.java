package vn.healthid.bridge.coverage.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CoverageStore} for a single node (quickstart) and tests; expired entries are dropped on read. */
public final class InMemoryCoverageStore implements CoverageStore {

    private record Entry(String value, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryCoverageStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        var e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expiresAt())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
    }

    @Override
    public void deleteIfEquals(String key, String expected) {
        entries.computeIfPresent(key, (k, e) -> e.value().equals(expected) ? null : e);
    }
}
