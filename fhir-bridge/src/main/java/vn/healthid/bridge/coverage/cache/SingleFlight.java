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

    // A caller looks at the cache a moment before it joins a flight; ends older than this are forgotten
    // (the cost of forgetting one too early: one more gateway call, never a wrong answer).
    private static final long REMEMBER_NANOS = 10_000_000_000L;

    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    // When each key's last flight ended (System.nanoTime), so that a caller can tell whether one
    // ended after it looked at the cache without looking again; two generations, swapped every
    // REMEMBER_NANOS, so that forgetting costs nothing per call.
    private volatile Map<K, Long> ended = new ConcurrentHashMap<>();
    private volatile Map<K, Long> endedBefore = new ConcurrentHashMap<>();
    private volatile long generationStart = System.nanoTime();

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
            long now = System.nanoTime();
            nextGenerationIfDue(now);
            ended.put(key, now);
            inFlight.remove(key, mine);
        }
    }

    /** Whether a flight for {@code key} ended at or after {@code since} (a {@link System#nanoTime()}). */
    public boolean endedSince(K key, long since) {
        var at = ended.get(key);
        if (at == null) {
            at = endedBefore.get(key);
        }
        return at != null && at - since >= 0;
    }

    private void nextGenerationIfDue(long now) {
        if (now - generationStart < REMEMBER_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - generationStart >= REMEMBER_NANOS) {
                endedBefore = ended;
                ended = new ConcurrentHashMap<>();
                generationStart = now;
            }
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
