package vn.healthid.bridge.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.config.SecurityProperties;

/** Readiness: the realm's JWKS answers with at least one key (without it no token verifies). */
@Component("jwks")
public final class JwksHealthIndicator implements HealthIndicator {

    private final URI jwksUri;
    private final Duration timeout;
    private final HttpClient http;

    public JwksHealthIndicator(SecurityProperties properties) {
        this.jwksUri = properties.jwksUri();
        this.timeout = properties.httpTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Health health() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(jwksUri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"keys\"")) {
                return Health.up().withDetail("jwks", jwksUri.toString()).build();
            }
            return Health.down().withDetail("status", response.statusCode()).build();
        } catch (java.io.IOException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }
}
