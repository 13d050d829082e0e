package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.healthid.bridge.store.SingleUseStore;

/** In-memory single-use items; {@code take} is an atomic remove. */
public final class MemorySingleUseStore implements SingleUseStore {

    private final MemoryExpiringMap items;

    public MemorySingleUseStore(Clock clock) {
        this.items = new MemoryExpiringMap(clock, 10_000);
    }

    @Override
    public boolean put(String key, String value, Duration ttl) {
        return items.putIfAbsent(key, value, ttl);
    }

    @Override
    public Optional<String> take(String key) {
        return items.take(key);
    }
}
