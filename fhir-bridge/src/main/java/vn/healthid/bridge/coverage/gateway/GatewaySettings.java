package vn.healthid.bridge.coverage.gateway;

import java.net.URI;
import java.time.Duration;

/**
 * What the gateway client needs, free of Spring. {@code password} is the clear secret from config
 * or the environment; it is md5-hashed on use, as the gateway asks, and never logged.
 */
public record GatewaySettings(
        URI baseUrl,
        String username,
        String password,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxResponseBytes,
        Duration defaultTokenTtl) {

    public GatewaySettings {
        if (baseUrl == null || username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("healthid.gateway.base-url, username and password are required");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("healthid.gateway.max-response-bytes must be positive");
        }
    }

    @Override
    public String toString() {
        return "GatewaySettings[" + baseUrl + ", user=" + username + "]";
    }
}
