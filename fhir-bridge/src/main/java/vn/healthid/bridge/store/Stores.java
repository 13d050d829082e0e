package vn.healthid.bridge.store;

import redis.clients.jedis.JedisPool;

/** The chosen store implementations; {@code pool} is null for the in-memory store. */
record Stores(DocumentStore documents, SingleUseStore singleUse, TtlCache cache, EventStream streams, JedisPool pool)
        implements AutoCloseable {

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
