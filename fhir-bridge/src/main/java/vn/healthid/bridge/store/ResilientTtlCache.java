package vn.healthid.bridge.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link TtlCache} for a user that must not stop when the store does: reads become misses,
 * writes are dropped, {@link #putIfAbsent} answers true (the caller goes ahead, as without a cache).
 */
public final class ResilientTtlCache implements TtlCache {

    private final TtlCache delegate;
    private final Outage outage;

    public ResilientTtlCache(TtlCache delegate, Outage outage) {
        this.delegate = delegate;
        this.outage = outage;
    }

    @Override
    public Optional<String> get(String key) {
        return outage.call(() -> delegate.get(key), Optional.empty());
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        outage.run(() -> delegate.put(key, value, ttl));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return outage.call(() -> delegate.putIfAbsent(key, value, ttl), Boolean.TRUE);
    }

    @Override
    public void remove(String key) {
        outage.run(() -> delegate.remove(key));
    }

    @Override
    public void removeIfEquals(String key, String expected) {
        outage.run(() -> delegate.removeIfEquals(key, expected));
    }
}
