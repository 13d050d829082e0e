package vn.healthid.identity.keycloak.audit;

import java.util.Set;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/**
 * Typed options of the audit event listener ({@code --spi-events-listener--healthid-audit--<option>}).
 *
 * @param enabled false turns the listener into a no-op (for deployments without the audit stream)
 * @param redis where the bridge's Redis is (plain or through Sentinel)
 * @param streamKey the Redis stream the bridge reads: {@code <bridge key-prefix>stream:<audit stream>}
 * @param realm the only realm whose events are published
 * @param eventTypes the Keycloak event types published
 */
public record AuditListenerConfig(
        boolean enabled, RedisSettings redis, String streamKey, String realm, Set<String> eventTypes) {

    public static final String DEFAULT_STREAM_KEY = "healthid:stream:audit";
    public static final String DEFAULT_REALM = "health";
    public static final String DEFAULT_EVENT_TYPES = "LOGIN,LOGIN_ERROR,CODE_TO_TOKEN";

    public AuditListenerConfig {
        if (enabled && (streamKey == null || streamKey.isBlank())) {
            throw new IllegalArgumentException("stream-key must not be blank");
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /** The person's own stream, read by the bridge when a citizen lists their trail. */
    public String patientStreamKey(String patientId) {
        return streamKey + ":patient:" + patientId;
    }

    @Override
    public String toString() {
        // RedisSettings leaves out the URL, which may carry the Redis password
        return "AuditListenerConfig[enabled=" + enabled + ", " + redis + ", stream=" + streamKey + ", realm=" + realm
                + "]";
    }
}
