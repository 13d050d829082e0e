package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.time.Duration;
import vn.healthid.bridge.store.Leases;

/** Leases of one node. */
public final class MemoryLeases implements Leases {

    private final MemoryExpiringMap leases;

    public MemoryLeases(Clock clock) {
        this.leases = new MemoryExpiringMap(clock, 10_000);
    }

    @Override
    public boolean acquire(String name, String holder, Duration lease) {
        return leases.putIfAbsent(name, holder, lease);
    }

    @Override
    public void release(String name, String holder) {
        leases.removeIfEquals(name, holder);
    }

    @Override
    public boolean held(String name) {
        return leases.contains(name);
    }
}
