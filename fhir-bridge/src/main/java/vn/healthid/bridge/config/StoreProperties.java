package vn.healthid.bridge.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.store.*}: Redis when {@code redis-url} or {@code sentinel.master} is set,
 * otherwise the in-memory store of the single-node quickstart. One pool serves every feature.
 *
 * @param redisUrl e.g. {@code redis://:password@redis:6379/0}; with Sentinel, only its password,
 *     user and database are used
 * @param keyPrefix prefix of every Redis key (separates deployments sharing one Redis)
 * @param poolMaxTotal most pooled connections
 * @param poolMaxWait longest wait for a pooled connection when all are busy; then the command fails
 * @param connectTimeout Redis connect timeout
 * @param socketTimeout Redis read timeout per command
 * @param sentinel the primary through Redis Sentinel, which follows a failover
 * @param auditReplicaAcks replicas that must acknowledge an audit entry ({@code WAIT}) before the
 *     response is released; 0 does not wait
 * @param auditReplicaTimeout longest {@code WAIT} for them; then 503 {@code AUDIT_NOT_REPLICATED}
 */
@ConfigurationProperties("healthid.store")
public record StoreProperties(
        String redisUrl,
        @DefaultValue("healthid:") String keyPrefix,
        @DefaultValue("32") int poolMaxTotal,
        @DefaultValue("2s") Duration poolMaxWait,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout,
        @DefaultValue Sentinel sentinel,
        @DefaultValue("0") int auditReplicaAcks,
        @DefaultValue("500ms") Duration auditReplicaTimeout) {

    /**
     * @param master the name Sentinel monitors the primary under (e.g. {@code healthid}); empty: no
     *     Sentinel
     * @param nodes the Sentinels, {@code host:port} each
     */
    public record Sentinel(String master, List<String> nodes) {

        public Sentinel {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }

        public boolean configured() {
            return master != null && !master.isBlank();
        }
    }

    public StoreProperties {
        sentinel = sentinel == null ? new Sentinel(null, List.of()) : sentinel;
        if (auditReplicaAcks < 0) {
            throw new IllegalArgumentException("healthid.store.audit-replica-acks must not be negative");
        }
        if (sentinel.configured() && sentinel.nodes().isEmpty()) {
            throw new IllegalArgumentException("healthid.store.sentinel.nodes must name the Sentinels");
        }
    }

    public boolean redisConfigured() {
        return (redisUrl != null && !redisUrl.isBlank()) || sentinel.configured();
    }

    /** The same settings with another URL (the deprecated coverage property's, see StoreConfiguration). */
    public StoreProperties withRedisUrl(String url) {
        return new StoreProperties(
                url,
                keyPrefix,
                poolMaxTotal,
                poolMaxWait,
                connectTimeout,
                socketTimeout,
                sentinel,
                auditReplicaAcks,
                auditReplicaTimeout);
    }

    @Override
    public String toString() {
        // the URL may hold the Redis password
        return "StoreProperties[redis=" + redisConfigured() + ", sentinel=" + sentinel.configured() + ", keyPrefix="
                + keyPrefix + "]";
    }
}
