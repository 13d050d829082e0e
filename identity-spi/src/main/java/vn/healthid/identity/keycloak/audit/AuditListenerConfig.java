package vn.healthid.identity.keycloak.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Typed options of the audit event listener ({@code --spi-events-listener--healthid-audit--<option>}).
 *
 * @param enabled false turns the listener into a no-op (for deployments without the audit stream)
 * @param redisUrl {@code redis://[:password@]host:port[/db]} or {@code rediss://...} (TLS)
 * @param streamKey the Redis stream the bridge reads: {@code <bridge key-prefix>stream:<audit stream>}
 * @param realm the only realm whose events are published
 * @param eventTypes the Keycloak event types published
 * @param timeout connect and read timeout toward Redis (a login never waits longer for the audit)
 */
public record AuditListenerConfig(
        boolean enabled, URI redisUrl, String streamKey, String realm, Set<String> eventTypes, Duration timeout) {

    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
    public static final String DEFAULT_STREAM_KEY = "healthid:stream:audit";
    public static final String DEFAULT_REALM = "health";
    public static final String DEFAULT_EVENT_TYPES = "LOGIN,LOGIN_ERROR,CODE_TO_TOKEN";
    public static final int DEFAULT_TIMEOUT_MILLIS = 500;

    public AuditListenerConfig {
        if (enabled) {
            String scheme = redisUrl.getScheme();
            if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
                throw new IllegalArgumentException("redis-url must start with redis:// or rediss://");
            }
            if (streamKey == null || streamKey.isBlank()) {
                throw new IllegalArgumentException("stream-key must not be blank");
            }
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /** The person's own stream, read by the bridge when a citizen lists their trail. */
    public String patientStreamKey(String patientId) {
        return streamKey + ":patient:" + patientId;
    }

    @Override
    public String toString() {
        // the URL may carry the Redis password
        return "AuditListenerConfig[enabled=" + enabled + ", stream=" + streamKey + ", realm=" + realm + "]";
    }
}
