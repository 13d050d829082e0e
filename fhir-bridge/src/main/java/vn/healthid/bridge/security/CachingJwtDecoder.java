package vn.healthid.bridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Reuses the verification of a token seen recently. Safe because the key is the SHA-256 of the
 * whole token (header, claims and signature: any change is another key), an entry lives at most
 * {@code ttl} and never past the token's {@code exp}, and the map is bounded. Only successful
 * verifications are cached. Trade-off: a key removed from the JWKS keeps its cached tokens alive
 * for at most {@code ttl}.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private record Entry(Jwt jwt, Instant until) {}

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = hash(token);
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null) {
            if (now.isBefore(entry.until())) {
                return entry.jwt();
            }
            entries.remove(key, entry);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            makeRoom(now);
            entries.put(key, new Entry(jwt, until));
        }
        return jwt;
    }

    private void makeRoom(Instant now) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        if (entries.size() >= maxEntries) {
            // still full of live entries: start over rather than track recency on every hit
            entries.clear();
        }
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
