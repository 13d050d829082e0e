package vn.healthid.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import vn.healthid.bridge.store.redis.RedisDocumentStore;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisSingleUseStore;
import vn.healthid.bridge.store.redis.RedisTtlCache;

/** The store contract against the real Redis at 127.0.0.1:6379, under a key prefix of this run. */
class RedisStoreContractIT extends StoreContract {

    private static final String PREFIX = "healthid-test:" + UUID.randomUUID() + ":";
    private static JedisPool pool;
    private static RedisKeys keys;

    @BeforeAll
    static void connect() {
        pool = new JedisPool("127.0.0.1", 6379);
        keys = new RedisKeys(PREFIX);
    }

    @AfterAll
    static void removeThisRunsKeys() {
        try (Jedis jedis = pool.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        jedis.scan(cursor, new ScanParams().match(PREFIX + "*").count(500));
                page.getResult().forEach(jedis::del);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        pool.close();
    }

    @Override
    protected DocumentStore documents() {
        return new RedisDocumentStore(pool, keys, Clock.systemUTC());
    }

    @Override
    protected SingleUseStore singleUse() {
        return new RedisSingleUseStore(pool, keys);
    }

    @Override
    protected TtlCache cache() {
        return new RedisTtlCache(pool, keys);
    }

    @Override
    protected EventStream streams() {
        return new RedisEventStream(pool, keys);
    }

    @Test
    void keysCarryTheConfiguredPrefixAndNoIdentityNumber() {
        documents().put("Patient", "pabc", "{}", DocumentStore.MUST_NOT_EXIST);
        try (Jedis jedis = pool.getResource()) {
            assertThat(jedis.exists(PREFIX + "doc:Patient:pabc")).isTrue();
        }
    }
}
