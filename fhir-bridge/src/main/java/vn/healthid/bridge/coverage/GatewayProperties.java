package vn.healthid.bridge.coverage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.gateway.*}: the insurance gateway, its cache, circuit breaker and who may ask.
 * The coverage feature is on only when {@code base-url} is set. The password comes from config or
 * the environment ({@code HEALTHID_GATEWAY_PASSWORD}) and is never logged. {@code
 * tokenEncryptionKey}: base64 AES-256 key sealing the gateway session in the shared store; without
 * it the session stays in each replica's memory (fhir-bridge/README.md).
 */
@ConfigurationProperties("healthid.gateway")
public record GatewayProperties(
        URI baseUrl,
        String username,
        String password,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration requestTimeout,
        @DefaultValue("65536") int maxResponseBytes,
        @DefaultValue("30m") Duration tokenTtl,
        @DefaultValue("Asia/Ho_Chi_Minh") String zone,
        @DefaultValue Cache cache,
        @DefaultValue Breaker circuitBreaker,
        @DefaultValue Access access,
        Map<String, String> facilities,
        String tokenEncryptionKey) {

    public GatewayProperties {
        facilities = facilities == null ? Map.of() : Map.copyOf(facilities);
    }

    public boolean tokenEncryptionConfigured() {
        return tokenEncryptionKey != null && !tokenEncryptionKey.isBlank();
    }

    @Override
    public String toString() {
        // the password and the token key are secrets
        return "GatewayProperties[" + baseUrl + ", user=" + username + "]";
    }

    /**
     * {@code ttl}: how long an answer is fresh (never past the end of the day or the card's validity);
     * {@code maxStale}: how old an answer may be and still be served, tagged stale, while the gateway is
     * down; {@code key}: base64 HMAC key for cache keys (sandbox default; set your own); {@code
     * lockLease}: how long one replica may hold the right to ask the gateway for an answer the others
     * wait for (longer than a gateway call; a dead holder delays the others this long at most);
     * {@code lockPoll}: how often the others look for its answer.
     */
    public record Cache(
            @DefaultValue("15m") Duration ttl,
            @DefaultValue("6h") Duration maxStale,

            @DefaultValue("c2FuZGJveC1vbmx5LWNvdmVyYWdlLWNhY2hlLWtleQ==")
            String key,

            @DefaultValue("5s") Duration lockLease,
            @DefaultValue("20ms") Duration lockPoll) {}

    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("30s") Duration waitInOpenState) {}

    public record Access(
            @DefaultValue("urn:vn:healthid:acr:chip-aa") List<String> chipAcrs,

            String selfServiceStaffName,
            String selfServiceStaffNationalId) {}
}
