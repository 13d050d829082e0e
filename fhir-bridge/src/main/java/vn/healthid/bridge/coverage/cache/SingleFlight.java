package vn.healthid.bridge.coverage.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * N identical concurrent calls, one execution: the first caller runs the work, the others wait for
 * its result (or its exception). Local to one replica; across replicas the shared cache dedups.
 */
public final class SingleFlight<K, V> {

    private static final int REMEMBERED = 4096;
    private static final long FORGET_AFTER_NANOS = 60_000_000_000L;

    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    // When each key's last flight ended (System.nanoTime), so that a caller can tell whether one
    // ended after it looked at the cache, without looking again.
    private final Map<K, Long> ended = new ConcurrentHashMap<>();

    public V run(K key, Supplier<V> work) {
        var mine = new CompletableFuture<V>();
        var existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing);
        }
        try {
            var value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            // Recorded before the flight is removed: a caller that no longer finds it sees that it ended.
            ended.put(key, System.nanoTime());
            inFlight.remove(key, mine);
            forgetOld();
        }
    }

    /** Whether a flight for {@code key} ended at or after {@code since} (a {@link System#nanoTime()}). */
    public boolean endedSince(K key, long since) {
        var at = ended.get(key);
        return at != null && at - since >= 0;
    }

    private void forgetOld() {
        if (ended.size() > REMEMBERED) {
            long now = System.nanoTime();
            ended.values().removeIf(at -> now - at > FORGET_AFTER_NANOS);
        }
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    int inFlight() {
        return inFlight.size();
    }
}
