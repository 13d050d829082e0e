package vn.healthid.bridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.security.*}: how access tokens are checked. Defaults follow the Keycloak
 * contract (docs/patient-id.md, the brief's token contract); the README lists every key.
 *
 * @param issuer the realm issuer, compared exactly with {@code iss}
 * @param jwksUri the JWKS endpoint; default {@code <issuer>/protocol/openid-connect/certs} (Keycloak)
 * @param audience the value {@code aud} must contain
 * @param algorithms the JWS algorithms accepted (an allow-list; {@code none} and HMAC never are)
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param tokenCacheSize verified tokens kept (keyed by the token's SHA-256), 0 disables the cache
 * @param tokenCacheTtl how long a verified token is reused at most (never past its {@code exp})
 * @param httpTimeout connect and read timeout for JWKS and discovery requests
 * @param discoveryTtl how long Keycloak's discovery document is cached
 * @param jwksRefetchMinInterval least time between two JWKS fetches (an unknown {@code kid} refetches)
 * @param jwksMaxAge how long a fetched JWKS is used before it is fetched again
 * @param acrLevels acr value to level of assurance; default {@link #defaultAcrLevels()}
 * @param recentProof how old a level-3 proof ({@code auth_time}) may be for a level-3 action
 *     (Consent changes, a level-3 {@code $join})
 * @param staffTokenHeader the header where a clinic sends its clerk's own token
 */
@ConfigurationProperties("healthid.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8080/realms/health") URI issuer,
        URI jwksUri,
        @DefaultValue("fhir-bridge") String audience,

        @DefaultValue({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
        List<String> algorithms,

        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("10000") int tokenCacheSize,
        @DefaultValue("60s") Duration tokenCacheTtl,
        @DefaultValue("5s") Duration httpTimeout,
        @DefaultValue("5m") Duration discoveryTtl,
        @DefaultValue("30s") Duration jwksRefetchMinInterval,
        @DefaultValue("5m") Duration jwksMaxAge,
        Map<String, Integer> acrLevels,
        @DefaultValue("10m") Duration recentProof,
        @DefaultValue("X-Staff-Token") String staffTokenHeader) {

    public SecurityProperties {
        if (jwksUri == null) {
            jwksUri = URI.create(stripSlash(issuer.toString()) + "/protocol/openid-connect/certs");
        }
        if (acrLevels == null || acrLevels.isEmpty()) {
            acrLevels = defaultAcrLevels();
        }
        acrLevels = Map.copyOf(acrLevels);
        if (recentProof.isNegative() || recentProof.isZero()) {
            throw new IllegalArgumentException("healthid.security.recent-proof must be positive");
        }
        algorithms = List.copyOf(algorithms);
    }

    /** The issuer without a trailing slash, for building well-known URLs. */
    public String issuerBase() {
        return stripSlash(issuer.toString());
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** The contract's table (one acr per way of logging in). */
    public static Map<String, Integer> defaultAcrLevels() {
        Map<String, Integer> levels = new LinkedHashMap<>();
        levels.put("urn:vn:healthid:acr:chip-aa", 3);
        levels.put("urn:vn:healthid:acr:vneid-2", 2);
        levels.put("urn:vn:healthid:acr:pwd-otp", 2);
        levels.put("urn:vn:healthid:acr:vneid-1", 1);
        levels.put("urn:vn:healthid:acr:chip-pa", 1);
        levels.put("urn:vn:healthid:acr:pwd", 1);
        levels.put("urn:vn:healthid:acr:client", 0);
        return levels;
    }
}
