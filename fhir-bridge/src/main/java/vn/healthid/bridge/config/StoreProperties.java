package vn.healthid.bridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.store.*}: Redis when {@code redis-url} is set, otherwise the in-memory store of
 * the single-node quickstart.
 *
 * @param redisUrl e.g. {@code redis://:password@redis:6379/0}; empty selects the in-memory store
 * @param keyPrefix prefix of every Redis key (separates deployments sharing one Redis)
 * @param poolMaxTotal most pooled connections
 * @param poolMaxWait longest wait for a pooled connection when all are busy; then the command fails
 * @param connectTimeout Redis connect timeout
 * @param socketTimeout Redis read timeout per command
 */
@ConfigurationProperties("healthid.store")
public record StoreProperties(
        String redisUrl,
        @DefaultValue("healthid:") String keyPrefix,
        @DefaultValue("32") int poolMaxTotal,
        @DefaultValue("2s") Duration poolMaxWait,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout) {

    public boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    @Override
    public String toString() {
        // the URL may hold the Redis password
        return "StoreProperties[redis=" + redisConfigured() + ", keyPrefix=" + keyPrefix + "]";
    }
}
