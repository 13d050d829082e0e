package vn.healthid.bridge.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.security.cors.*}: the browser origins (scheme, host and port, e.g.
 * {@code http://localhost:8090}) whose SMART apps may call {@code /fhir} and the SMART
 * configuration. Empty by default: no CORS headers at all. {@code *}, paths and wildcards are
 * refused at start-up: bearer tokens must only be sent by the apps named here.
 *
 * @param allowedOrigins exact origins
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("healthid.security.cors")
public record CorsProperties(
        List<String> allowedOrigins, @DefaultValue("10m") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        allowedOrigins.forEach(CorsProperties::requireOrigin);
    }

    private static void requireOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("healthid.security.cors.allowed-origins: not an origin: " + origin, e);
        }
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (!web || uri.getHost() == null || !bare || uri.getRawQuery() != null || origin.contains("*")) {
            throw new IllegalArgumentException(
                    "healthid.security.cors.allowed-origins: an origin is scheme://host[:port], never * or a path: "
                            + origin);
        }
    }
}
