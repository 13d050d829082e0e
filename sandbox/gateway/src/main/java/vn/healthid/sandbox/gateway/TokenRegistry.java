package vn.healthid.sandbox.gateway;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tokens handed out by {@code /api/token/take}, each with its id_token and an expiry. */
final class TokenRegistry {

    record Issued(String accessToken, String idToken, String username, Instant expiresAt) {}

    private final Map<String, Issued> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issuedCount = new AtomicLong();
    private final Clock clock;
    private volatile Duration ttl;

    TokenRegistry(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    Issued issue(String username) {
        var issued =
                new Issued(randomHex(), randomHex(), username, clock.instant().plus(ttl));
        live.put(issued.accessToken(), issued);
        issuedCount.incrementAndGet();
        return issued;
    }

    /** True when the token, its id_token and the username belong together and it has not expired. */
    boolean valid(String token, String idToken, String username) {
        if (token == null) {
            return false;
        }
        var issued = live.get(token);
        return issued != null
                && issued.idToken().equals(idToken)
                && issued.username().equals(username)
                && clock.instant().isBefore(issued.expiresAt());
    }

    void ttl(Duration ttl) {
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    /** Every token handed out so far stops working (the gateway restarted or rotated its keys). */
    void expireAll() {
        live.clear();
    }

    long issuedCount() {
        return issuedCount.get();
    }

    private String randomHex() {
        var bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
