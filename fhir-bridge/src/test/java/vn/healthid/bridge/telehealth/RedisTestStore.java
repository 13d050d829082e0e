package vn.healthid.bridge.telehealth;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.store.redis.RedisDocumentStore;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisSingleUseStore;

/**
 * The real Redis at 127.0.0.1:6379 under a key prefix of its own per test; {@link #connect()}
 * opens another pool over the same keys, as a restarted bridge would. {@link #close()} deletes the
 * test's keys.
 */
public final class RedisTestStore implements AutoCloseable {

    public static final String URL = "redis://127.0.0.1:6379";

    private final String prefix = "test:telehealth:" + UUID.randomUUID() + ":";
    private final JedisPool pool;

    public RedisTestStore() {
        this.pool = newPool();
    }

    public String prefix() {
        return prefix;
    }

    public Connection connect(Clock clock) {
        JedisPool connection = newPool();
        RedisKeys keys = new RedisKeys(prefix);
        return new Connection(
                new RedisDocumentStore(connection, keys, clock), new RedisSingleUseStore(connection, keys), connection);
    }

    public Set<String> keys() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.keys(prefix + "*");
        }
    }

    public long pttl(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.pttl(key);
        }
    }

    @Override
    public void close() {
        try (Jedis jedis = pool.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        pool.close();
    }

    private static JedisPool newPool() {
        GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(16);
        config.setJmxEnabled(false);
        return new JedisPool(config, java.net.URI.create(URL), 2000, 2000);
    }

    /** One bridge's view of the store; close it to "stop" that bridge. */
    public record Connection(DocumentStore documents, SingleUseStore singleUse, JedisPool pool)
            implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }
}
