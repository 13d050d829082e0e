package vn.healthid.bridge.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;

/**
 * The realm's JWKS, fetched once and kept. A token whose {@code kid} is not in it makes the bridge
 * fetch the set again (key rotation needs no restart), but at most once per {@code minInterval}:
 * otherwise every forged token with a fresh {@code kid} costs a request to Keycloak. The set is also
 * fetched again when older than {@code maxAge}, so that a key the realm removed stops verifying.
 * A failed fetch counts as a fetch and keeps the keys already known.
 */
public final class RefetchLimitedJwkSource implements JWKSource<SecurityContext> {

    private record Snapshot(JWKSet keys, Instant fetchedAt) {}

    private final URI jwksUri;
    private final RestOperations http;
    private final Duration minInterval;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Snapshot current;
    private Instant lastAttempt; // guarded by this

    public RefetchLimitedJwkSource(
            URI jwksUri, RestOperations http, Duration minInterval, Duration maxAge, Clock clock) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.minInterval = minInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Snapshot seen = current;
        Instant now = clock.instant();
        if (seen != null && now.isBefore(seen.fetchedAt().plus(maxAge))) {
            List<JWK> found = selector.select(seen.keys());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return selector.select(refresh(seen, now).keys());
    }

    private synchronized Snapshot refresh(Snapshot seen, Instant now) throws KeySourceException {
        Snapshot latest = current;
        if (latest != seen) {
            return latest; // another request fetched the set meanwhile
        }
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minInterval))) {
            if (latest == null) {
                throw new KeySourceException("JWKS not fetched yet; next attempt after the refetch interval");
            }
            return latest;
        }
        lastAttempt = now;
        try {
            String body = http.getForObject(jwksUri, String.class);
            if (body == null) {
                throw new ParseException("empty JWKS answer", 0);
            }
            Snapshot fresh = new Snapshot(JWKSet.parse(body).toPublicJWKSet(), now);
            current = fresh;
            return fresh;
        } catch (RestClientException | ParseException e) {
            if (latest == null) {
                throw new KeySourceException(
                        "JWKS fetch failed: " + e.getClass().getSimpleName(), e);
            }
            return latest;
        }
    }
}
