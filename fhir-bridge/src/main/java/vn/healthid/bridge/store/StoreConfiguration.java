package vn.healthid.bridge.store;

import java.net.URI;
import java.time.Clock;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import vn.healthid.bridge.config.StoreProperties;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemoryEndedSessions;
import vn.healthid.bridge.store.memory.MemoryEventStream;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.store.memory.MemoryTtlCache;
import vn.healthid.bridge.store.redis.RedisDocumentStore;
import vn.healthid.bridge.store.redis.RedisEndedSessions;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisSingleUseStore;
import vn.healthid.bridge.store.redis.RedisTtlCache;

/** Chooses the store: Redis when {@code healthid.store.redis-url} is set, in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean
    Stores stores(StoreProperties properties, Clock clock) {
        if (!properties.redisConfigured()) {
            LOG.info("store: in-memory (single node; set healthid.store.redis-url for Redis)");
            return new Stores(
                    new MemoryDocumentStore(clock),
                    new MemorySingleUseStore(clock),
                    new MemoryTtlCache(clock),
                    new MemoryEventStream(clock),
                    null);
        }
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(properties.poolMaxTotal());
        poolConfig.setMaxIdle(properties.poolMaxTotal());
        poolConfig.setJmxEnabled(false);
        // A bounded wait: commons-pool2 (2.13) spins on its create lock while it grows the pool if the
        // wait is unbounded, which burns a core under a burst of virtual threads.
        poolConfig.setMaxWait(properties.poolMaxWait());
        JedisPool pool = new JedisPool(
                poolConfig,
                URI.create(properties.redisUrl()),
                (int) properties.connectTimeout().toMillis(),
                (int) properties.socketTimeout().toMillis());
        RedisKeys keys = new RedisKeys(properties.keyPrefix());
        LOG.info("store: Redis, key prefix {}", properties.keyPrefix());
        return new Stores(
                new RedisDocumentStore(pool, keys, clock),
                new RedisSingleUseStore(pool, keys),
                new RedisTtlCache(pool, keys),
                new RedisEventStream(pool, keys),
                pool);
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
    EndedSessions endedSessions(Stores stores, StoreProperties properties, Clock clock) {
        return stores.pool() == null
                ? new MemoryEndedSessions(clock)
                : new RedisEndedSessions(stores.pool(), new RedisKeys(properties.keyPrefix()));
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
