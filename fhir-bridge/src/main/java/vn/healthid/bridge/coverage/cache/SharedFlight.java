package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.healthid.bridge.store.Leases;

/**
 * Single flight across replicas: of the replicas missing the same answer, the one holding the
 * lease does the work and caches its answer; the others poll {@code done} (the cache) until the
 * answer is there, or until the lease is free again (the holder ended without an answer to share,
 * or died and its lease ran out), and then try to take it themselves.
 */
public final class SharedFlight {

    private final Leases leases;
    private final Duration lease;
    private final Duration poll;

    /** {@code lease} must outlast the work (a gateway call); {@code poll}: how often a waiter looks. */
    public SharedFlight(Leases leases, Duration lease, Duration poll) {
        this.leases = leases;
        this.lease = lease;
        this.poll = poll;
    }

    public <V> V run(String name, Supplier<Optional<V>> done, Supplier<V> work) {
        String holder = UUID.randomUUID().toString();
        while (true) {
            if (leases.acquire(name, holder, lease)) {
                try {
                    // the previous holder may have answered between our last look and our taking the lease
                    return done.get().orElseGet(work);
                } finally {
                    leases.release(name, holder);
                }
            }
            pause();
            Optional<V> answer = done.get();
            if (answer.isPresent()) {
                return answer.get();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another replica's answer", e);
        }
    }
}
