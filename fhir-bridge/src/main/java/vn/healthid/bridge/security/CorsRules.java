package vn.healthid.bridge.security;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * CORS for SMART browser apps (SMART App Launch 2.0 expects the FHIR base and the SMART
 * configuration to be reachable from a browser app): only {@code /fhir/**} and the SMART
 * configuration, only the configured origins, no cookies (apps send bearer tokens). With no origin
 * configured there is no CORS configuration, so no CORS header is ever sent.
 */
final class CorsRules {

    private CorsRules() {}

    static CorsConfigurationSource source(CorsProperties properties, String staffTokenHeader) {
        if (properties.allowedOrigins().isEmpty()) {
            return request -> null;
        }
        CorsConfiguration rules = new CorsConfiguration();
        rules.setAllowedOrigins(properties.allowedOrigins());
        rules.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        rules.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "If-Match",
                "If-None-Match",
                "If-Modified-Since",
                "Prefer",
                staffTokenHeader));
        // WWW-Authenticate carries the step-up challenge (RFC 9470); the rest are FHIR's response headers
        rules.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified", "WWW-Authenticate"));
        rules.setAllowCredentials(false);
        rules.setMaxAge(properties.maxAge());
        // matched on the full path: a path pattern source would see only the part after the FHIR servlet's mapping
        return request -> covered(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                ? rules
                : null;
    }

    static boolean covered(String path) {
        return path.equals("/fhir") || path.startsWith("/fhir/") || path.equals("/.well-known/smart-configuration");
    }
}
