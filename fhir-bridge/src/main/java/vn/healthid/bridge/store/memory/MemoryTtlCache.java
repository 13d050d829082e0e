package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.healthid.bridge.store.TtlCache;

/** In-memory TTL cache. */
public final class MemoryTtlCache implements TtlCache {

    private final MemoryExpiringMap entries;

    public MemoryTtlCache(Clock clock) {
        this.entries = new MemoryExpiringMap(clock, 10_000);
    }

    @Override
    public Optional<String> get(String key) {
        return entries.get(key);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, value, ttl);
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return entries.putIfAbsent(key, value, ttl);
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public void removeIfEquals(String key, String expected) {
        entries.removeIfEquals(key, expected);
    }
}
