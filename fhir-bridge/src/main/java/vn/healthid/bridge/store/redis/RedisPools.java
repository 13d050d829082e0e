package vn.healthid.bridge.store.redis;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.util.JedisURIHelper;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.config.StoreProperties;

/**
 * The bridge's one Redis pool: to {@code redis-url}, or through Sentinel to whichever node is the
 * primary of {@code sentinel.master} (Jedis follows a failover: the pool reconnects to the
 * promoted replica). With Sentinel the URL, if set, gives the primary's password, user and
 * database only.
 */
public final class RedisPools {

    private RedisPools() {}

    public static Pool<Jedis> open(StoreProperties properties) {
        GenericObjectPoolConfig<Jedis> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(properties.poolMaxTotal());
        pool.setMaxIdle(properties.poolMaxTotal());
        pool.setJmxEnabled(false);
        // A bounded wait: commons-pool2 (2.13) spins on its create lock while it grows the pool if the
        // wait is unbounded, which burns a core under a burst of virtual threads.
        pool.setMaxWait(properties.poolMaxWait());
        URI uri = properties.redisUrl() == null || properties.redisUrl().isBlank()
                ? null
                : URI.create(properties.redisUrl());
        JedisClientConfig primary = clientConfig(properties, uri);
        if (properties.sentinel().configured()) {
            JedisClientConfig sentinels = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis((int) properties.connectTimeout().toMillis())
                    .socketTimeoutMillis((int) properties.socketTimeout().toMillis())
                    .build();
            return new JedisSentinelPool(properties.sentinel().master(), nodes(properties), pool, primary, sentinels);
        }
        return new JedisPool(pool, JedisURIHelper.getHostAndPort(uri), primary);
    }

    private static JedisClientConfig clientConfig(StoreProperties properties, URI uri) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) properties.connectTimeout().toMillis())
                .socketTimeoutMillis((int) properties.socketTimeout().toMillis());
        if (uri != null) {
            config.user(JedisURIHelper.getUser(uri))
                    .password(JedisURIHelper.getPassword(uri))
                    .database(JedisURIHelper.getDBIndex(uri))
                    .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        }
        return config.build();
    }

    private static Set<HostAndPort> nodes(StoreProperties properties) {
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : properties.sentinel().nodes()) {
            nodes.add(HostAndPort.from(node.strip()));
        }
        return nodes;
    }
}
