package vn.healthid.bridge.smart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.healthid.bridge.fhir.OAuthUris;

/**
 * The realm's OAuth endpoints from its OpenID discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), fetched on demand and cached for
 * {@code ttl}. When Keycloak does not answer, the last good copy is served; a failed fetch is
 * retried at most every {@link #RETRY_AFTER}.
 */
public final class AuthorizationEndpoints implements OAuthUris {

    /** What the bridge publishes from discovery. Optional endpoints are empty strings when absent. */
    public record Endpoints(
            String issuer,
            String jwksUri,
            String authorizationEndpoint,
            String tokenEndpoint,
            String introspectionEndpoint,
            String revocationEndpoint,
            List<String> scopes) {

        public Endpoints {
            scopes = List.copyOf(scopes);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationEndpoints.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(15);

    private final String issuer;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;

    private Endpoints cached;
    private Instant fetchedAt = Instant.EPOCH;
    private Instant failedAt = Instant.EPOCH;

    public AuthorizationEndpoints(String issuer, Duration ttl, Duration timeout, Clock clock) {
        this.issuer = issuer;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The endpoints, refreshed when stale; empty only when discovery never answered. */
    public synchronized Optional<Endpoints> current() {
        Instant now = clock.instant();
        boolean stale = cached == null || !now.isBefore(fetchedAt.plus(ttl));
        boolean mayRetry = !now.isBefore(failedAt.plus(RETRY_AFTER));
        if (stale && mayRetry) {
            try {
                cached = fetch();
                fetchedAt = now;
            } catch (IOException | RuntimeException e) {
                failedAt = now;
                LOG.warn("OpenID discovery of {} failed: {}", issuer, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(cached);
    }

    @Override
    public Optional<Uris> oauthUris() {
        return current().map(found -> new Uris(found.authorizationEndpoint(), found.tokenEndpoint()));
    }

    private Endpoints fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("discovery answered " + response.statusCode());
        }
        JsonNode doc = json.readTree(response.body());
        if (!issuer.equals(text(doc, "issuer"))) {
            // OpenID Connect Discovery 1.0 section 4.3: the issuer must be the one asked for
            throw new IOException("discovery issuer does not match the configured issuer");
        }
        return new Endpoints(
                issuer,
                text(doc, "jwks_uri"),
                text(doc, "authorization_endpoint"),
                text(doc, "token_endpoint"),
                text(doc, "introspection_endpoint"),
                text(doc, "revocation_endpoint"),
                strings(doc, "scopes_supported"));
    }

    /** The realm's client scopes that Keycloak publishes (OpenID Connect Discovery 1.0, {@code scopes_supported}). */
    private static List<String> strings(JsonNode doc, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = doc.get(field);
        if (node != null && node.isArray()) {
            node.forEach(value -> {
                if (value.isString()) {
                    values.add(value.asString());
                }
            });
        }
        return values;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode node = doc.get(field);
        return node == null || !node.isString() ? "" : node.asString();
    }
}
