package vn.healthid.bridge.store.redis;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.Leases;

/** Leases as {@code SET <prefix>lock:<name> <holder> NX PX <lease>}, released by compare-and-delete. */
public final class RedisLeases implements Leases {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    public RedisLeases(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public boolean acquire(String name, String holder, Duration lease) {
        try (Jedis jedis = pool.getResource()) {
            return "OK"
                    .equals(jedis.set(
                            keys.lock(name), holder, SetParams.setParams().nx().px(lease.toMillis())));
        }
    }

    @Override
    public void release(String name, String holder) {
        try (Jedis jedis = pool.getResource()) {
            jedis.eval(RedisScripts.DELETE_IF_EQUALS, List.of(keys.lock(name)), List.of(holder));
        }
    }

    @Override
    public boolean held(String name) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(keys.lock(name));
        }
    }
}
