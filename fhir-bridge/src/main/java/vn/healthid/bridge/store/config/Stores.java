package vn.healthid.bridge.store.config;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.EndedSessions;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.Leases;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.store.TtlCache;

/** The chosen store implementations; {@code pool} (the one Redis pool) is null for the in-memory store. */
record Stores(
        DocumentStore documents,
        SingleUseStore singleUse,
        TtlCache cache,
        EventStream streams,
        Leases leases,
        EndedSessions endedSessions,
        Pool<Jedis> pool)
        implements AutoCloseable {

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
