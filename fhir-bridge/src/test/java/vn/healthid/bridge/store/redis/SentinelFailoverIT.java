package vn.healthid.bridge.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.config.StoreProperties;
import vn.healthid.bridge.testsupport.RedisProcesses;
import vn.healthid.bridge.testsupport.RedisProcesses.Server;

/**
 * The bridge's one pool through a real Redis Sentinel ({@code healthid.store.sentinel.*}): it
 * writes to whichever node is the primary, follows a failover when the primary dies, and an audit
 * entry a replica acknowledged before the primary died is still there on the promoted replica.
 */
class SentinelFailoverIT {

    private static final String MASTER = "healthid";

    private final RedisProcesses redis = new RedisProcesses();
    private final RedisKeys keys = new RedisKeys("healthid-it:" + UUID.randomUUID() + ":");
    private Server primary;
    private Server replica;
    private Server sentinel;
    private Pool<Jedis> pool;

    @BeforeEach
    void startPrimaryReplicaAndSentinel() {
        primary = redis.server(0);
        replica = redis.server(primary.port());
        sentinel = redis.sentinel(MASTER, primary.port());
        pool = RedisPools.open(properties(1));
    }

    @AfterEach
    void stop() {
        pool.close();
        redis.close();
    }

    @Test
    void thePoolWritesToThePrimarySentinelNames() {
        new RedisTtlCache(pool, keys).put("k", "v", Duration.ofMinutes(1));

        try (Jedis direct = new Jedis("127.0.0.1", primary.port())) {
            assertThat(direct.get(keys.cache("k"))).isEqualTo("v");
        }
    }

    @Test
    void anAcknowledgedAuditEntrySurvivesThePrimarysDeathAndThePoolFollowsTheFailover() {
        var stream = new RedisEventStream(pool, keys, 1, Duration.ofSeconds(2));
        String acknowledged = stream.append("audit", Map.of("action", "R"));

        primary.kill();
        RedisProcesses.await(this::replicaPromoted, "Sentinel to promote the replica");
        var cache = new RedisTtlCache(pool, keys);
        RedisProcesses.await(() -> writes(cache), "the pool to reach the promoted replica");

        try (Jedis direct = new Jedis("127.0.0.1", replica.port())) {
            assertThat(direct.get(keys.cache("after-failover"))).isEqualTo("v");
        }
        assertThat(new RedisEventStream(pool, keys).read("audit", null, 10))
                .extracting(e -> e.id())
                .containsExactly(acknowledged);
    }

    private boolean replicaPromoted() {
        try (Jedis s = new Jedis("127.0.0.1", sentinel.port())) {
            return s.sentinelGetMasterAddrByName(MASTER).get(1).equals(String.valueOf(replica.port()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean writes(RedisTtlCache cache) {
        try {
            cache.put("after-failover", "v", Duration.ofMinutes(1));
            return true;
        } catch (RuntimeException e) {
            return false; // the pool has not reconnected yet: reads and writes fail closed meanwhile
        }
    }

    private StoreProperties properties(int auditAcks) {
        return new StoreProperties(
                null,
                keys.prefix(),
                8,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new StoreProperties.Sentinel(MASTER, List.of(sentinel.address())),
                auditAcks,
                Duration.ofSeconds(2));
    }
}
