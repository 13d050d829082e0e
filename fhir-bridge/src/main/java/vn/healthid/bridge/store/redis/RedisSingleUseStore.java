package vn.healthid.bridge.store.redis;

import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.SingleUseStore;

/** Single-use items: {@code SET NX PX} to store, {@code GETDEL} (Redis 6.2+) to take atomically. */
public final class RedisSingleUseStore implements SingleUseStore {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    public RedisSingleUseStore(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public boolean put(String key, String value, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            return "OK"
                    .equals(jedis.set(
                            keys.singleUse(key),
                            value,
                            SetParams.setParams().nx().px(ttl.toMillis())));
        }
    }

    @Override
    public Optional<String> take(String key) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.getDel(keys.singleUse(key)));
        }
    }
}
