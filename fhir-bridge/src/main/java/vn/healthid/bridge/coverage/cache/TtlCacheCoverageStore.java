package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.Optional;
import vn.healthid.bridge.store.TtlCache;

/**
 * {@link CoverageStore} over the bridge's shared {@link TtlCache}. Compare-and-delete is a read
 * then a remove: a race costs at most one extra gateway token, never a wrong answer.
 */
public final class TtlCacheCoverageStore implements CoverageStore {

    private final TtlCache cache;

    public TtlCacheCoverageStore(TtlCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<String> get(String key) {
        return cache.get(key);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        cache.put(key, value, ttl);
    }

    @Override
    public void deleteIfEquals(String key, String expected) {
        if (cache.get(key).filter(expected::equals).isPresent()) {
            cache.remove(key);
        }
    }
}
