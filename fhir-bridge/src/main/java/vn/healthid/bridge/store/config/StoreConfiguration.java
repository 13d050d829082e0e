package vn.healthid.bridge.store.config;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.config.StoreProperties;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.EndedSessions;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.Leases;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.store.TtlCache;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEndedSessions;
import vn.healthid.bridge.store.memory.MemoryEventStream;
import vn.healthid.bridge.store.memory.MemoryLeases;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.store.memory.MemoryTtlCache;
import vn.healthid.bridge.store.redis.RedisDocumentStore;
import vn.healthid.bridge.store.redis.RedisEndedSessions;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisLeases;
import vn.healthid.bridge.store.redis.RedisPools;
import vn.healthid.bridge.store.redis.RedisSingleUseStore;
import vn.healthid.bridge.store.redis.RedisTtlCache;

/**
 * Chooses the store: Redis when {@code healthid.store.redis-url} or {@code
 * healthid.store.sentinel.master} is set (one pool for every feature), in-memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** The coverage feature's own Redis URL before it used this store; read once, with a warning. */
    static final String DEPRECATED_COVERAGE_URL = "healthid.gateway.store.redis-uri";

    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean
    Stores stores(StoreProperties configured, Clock clock, Environment environment) {
        StoreProperties properties = withDeprecatedUrl(configured, environment);
        if (!properties.redisConfigured()) {
            LOG.info("store: in-memory (single node; set healthid.store.redis-url for Redis)");
            return new Stores(
                    new MemoryDocumentStore(clock),
                    new MemorySingleUseStore(clock),
                    new MemoryTtlCache(clock),
                    new MemoryEventStream(clock),
                    new MemoryLeases(clock),
                    new MemoryEndedSessions(clock),
                    null);
        }
        Pool<Jedis> pool = RedisPools.open(properties);
        RedisKeys keys = new RedisKeys(properties.keyPrefix());
        LOG.info(
                "store: Redis{}, key prefix {}, audit replica acks {}",
                properties.sentinel().configured() ? " through Sentinel" : "",
                properties.keyPrefix(),
                properties.auditReplicaAcks());
        return new Stores(
                new RedisDocumentStore(pool, keys, clock),
                new RedisSingleUseStore(pool, keys),
                new RedisTtlCache(pool, keys),
                new RedisEventStream(pool, keys, properties.auditReplicaAcks(), properties.auditReplicaTimeout()),
                new RedisLeases(pool, keys),
                new RedisEndedSessions(pool, keys),
                pool);
    }

    /** {@code healthid.gateway.store.redis-uri} still selects Redis when the store's own URL is unset. */
    private static StoreProperties withDeprecatedUrl(StoreProperties properties, Environment environment) {
        String deprecated = environment.getProperty(DEPRECATED_COVERAGE_URL);
        if (deprecated == null || deprecated.isBlank()) {
            return properties;
        }
        if (properties.redisConfigured()) {
            LOG.warn("{} is ignored (deprecated): the store's own Redis serves coverage", DEPRECATED_COVERAGE_URL);
            return properties;
        }
        LOG.warn("{} is deprecated: set healthid.store.redis-url instead", DEPRECATED_COVERAGE_URL);
        return properties.withRedisUrl(deprecated);
    }

    @Bean
    DocumentStore documentStore(Stores stores) {
        return stores.documents();
    }

    @Bean
    SingleUseStore singleUseStore(Stores stores) {
        return stores.singleUse();
    }

    @Bean
    TtlCache ttlCache(Stores stores) {
        return stores.cache();
    }

    @Bean
    EventStream eventStream(Stores stores) {
        return stores.streams();
    }

    @Bean
    Leases leases(Stores stores) {
        return stores.leases();
    }

    @Bean
    EndedSessions endedSessions(Stores stores) {
        return stores.endedSessions();
    }

    /** Readiness: Redis answers PING (always up for the in-memory store). */
    @Bean
    HealthIndicator storeHealthIndicator(Stores stores) {
        return () -> {
            if (stores.pool() == null) {
                return Health.up().withDetail("type", "memory").build();
            }
            try (Jedis jedis = stores.pool().getResource()) {
                jedis.ping();
                return Health.up().withDetail("type", "redis").build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("type", "redis")
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
