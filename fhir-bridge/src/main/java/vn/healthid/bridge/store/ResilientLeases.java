package vn.healthid.bridge.store;

import java.time.Duration;

/**
 * {@link Leases} for a user that must not stop when the store does: without the store every caller
 * gets the lease (and does the work itself, as on one node without single flight).
 */
public final class ResilientLeases implements Leases {

    private final Leases delegate;
    private final Outage outage;

    public ResilientLeases(Leases delegate, Outage outage) {
        this.delegate = delegate;
        this.outage = outage;
    }

    @Override
    public boolean acquire(String name, String holder, Duration lease) {
        return outage.call(() -> delegate.acquire(name, holder, lease), Boolean.TRUE);
    }

    @Override
    public void release(String name, String holder) {
        outage.run(() -> delegate.release(name, holder));
    }

    @Override
    public boolean held(String name) {
        return outage.call(() -> delegate.held(name), Boolean.FALSE);
    }
}
