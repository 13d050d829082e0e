package vn.healthid.bridge.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.TtlCache;

/** TTL cache over plain Redis strings ({@code SET PX}, {@code SET NX PX}). */
public final class RedisTtlCache implements TtlCache {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    public RedisTtlCache(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public Optional<String> get(String key) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(keys.cache(key)));
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(keys.cache(key), value, SetParams.setParams().px(ttl.toMillis()));
        }
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            return "OK"
                    .equals(jedis.set(
                            keys.cache(key), value, SetParams.setParams().nx().px(ttl.toMillis())));
        }
    }

    @Override
    public void remove(String key) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(keys.cache(key));
        }
    }

    @Override
    public void removeIfEquals(String key, String expected) {
        try (Jedis jedis = pool.getResource()) {
            jedis.eval(RedisScripts.DELETE_IF_EQUALS, List.of(keys.cache(key)), List.of(expected));
        }
    }
}
