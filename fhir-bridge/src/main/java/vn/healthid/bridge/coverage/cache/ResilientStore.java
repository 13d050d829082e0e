package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store outage must not stop eligibility checks: reads become misses, writes are dropped, and
 * the outage is logged once when it starts and once when it ends.
 */
public final class ResilientStore implements CoverageStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientStore.class);

    private final CoverageStore delegate;
    private final AtomicBoolean down = new AtomicBoolean();

    public ResilientStore(CoverageStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            var value = delegate.get(key);
            up();
            return value;
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        try {
            delegate.put(key, value, ttl);
            up();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void deleteIfEquals(String key, String expected) {
        try {
            delegate.deleteIfEquals(key, expected);
            up();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    public boolean isDown() {
        return down.get();
    }

    private void up() {
        if (down.compareAndSet(true, false)) {
            LOG.info("coverage store reachable again; caching resumed");
        }
    }

    private void failed(RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn(
                    "coverage store unreachable ({}); answering without cache",
                    e.getClass().getSimpleName());
        }
    }
}
