package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** {@link CoverageStore} over Redis (Jedis). Throws on an outage; wrap in {@link ResilientStore}. */
public final class RedisCoverageStore implements CoverageStore {

    // Compare-and-delete in one step so that a replica never deletes a token another one just renewed.
    private static final String DELETE_IF_EQUALS =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final UnifiedJedis jedis;

    public RedisCoverageStore(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(jedis.get(key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        long millis = Math.max(1, ttl.toMillis());
        jedis.set(key, value, SetParams.setParams().px(millis));
    }

    @Override
    public void close() {
        jedis.close();
    }

    @Override
    public void deleteIfEquals(String key, String expected) {
        jedis.eval(DELETE_IF_EQUALS, List.of(key), List.of(expected));
    }
}
