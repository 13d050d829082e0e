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

    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

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
            inFlight.remove(key, mine);
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
