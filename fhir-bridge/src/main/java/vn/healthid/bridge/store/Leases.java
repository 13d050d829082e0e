package vn.healthid.bridge.store;

import java.time.Duration;

/**
 * Named locks held with a lease, across every replica sharing the store: a holder keeps the lock
 * until it releases it or the lease runs out, so a holder that dies blocks the others for at most
 * the lease. A lease is not a guarantee of exclusion past its end: use it to save work (single
 * flight), never to protect an invariant.
 */
public interface Leases {

    /** Takes {@code name} for {@code holder} unless someone holds it; true when this call took it. */
    boolean acquire(String name, String holder, Duration lease);

    /** Ends {@code holder}'s lease; a lease someone else took after this one ran out stays. */
    void release(String name, String holder);

    /** Whether someone holds {@code name} now. */
    boolean held(String name);
}
