package vn.healthid.bridge.coverage.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The gateway session: read from the shared {@link TokenCache}, taken from {@code /api/token/take}
 * when absent or expired, and renewed when the gateway answers 401. One replica-local lock keeps a
 * burst of callers from taking a token each.
 */
public final class GatewayTokenSource {

    static final String TOKEN_PATH = "/api/token/take";
    /** Renew a little early so that a token does not expire on the way to the gateway. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final GatewaySettings settings;
    private final GatewayHttp http;
    private final TokenCache cache;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    // Kept here too, so that a gateway call costs no store read; a 401 sends us back to the store.
    private volatile GatewayToken local;

    GatewayTokenSource(GatewaySettings settings, GatewayHttp http, TokenCache cache, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.cache = cache;
        this.mapper = mapper;
        this.clock = clock;
    }

    public GatewayToken current() {
        var mine = local;
        if (mine != null && mine.usableAt(clock.instant().plus(EARLY))) {
            return mine;
        }
        var cached = cache.get(settings.username());
        if (cached.isPresent() && cached.get().usableAt(clock.instant().plus(EARLY))) {
            local = cached.get();
            return cached.get();
        }
        return renew(cached.orElse(null));
    }

    /** Called after a 401 with {@code rejected}: another caller may already have renewed it. */
    public GatewayToken renew(GatewayToken rejected) {
        lock.lock();
        try {
            var cached = cache.get(settings.username());
            if (cached.isPresent()
                    && (rejected == null || !cached.get().accessToken().equals(rejected.accessToken()))
                    && cached.get().usableAt(clock.instant().plus(EARLY))) {
                local = cached.get();
                return cached.get();
            }
            if (rejected != null) {
                cache.evict(rejected);
            }
            var fresh = take();
            cache.put(fresh, Duration.between(clock.instant(), fresh.expiresAt()));
            local = fresh;
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    private GatewayToken take() {
        String body;
        try {
            body = mapper.writeValueAsString(
                    Map.of("username", settings.username(), "password", md5Hex(settings.password())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var reply = http.post(URI.create(settings.baseUrl() + TOKEN_PATH), "application/json", body);
        if (reply.status() == 401 || reply.status() == 403) {
            // Our account is refused: an operator must fix the configuration; retrying will not help.
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "gateway refused the configured account");
        }
        try {
            var root = mapper.readTree(reply.body());
            var key = root == null ? null : root.get("APIKey");
            if (reply.status() != 200 || key == null || !key.isObject()) {
                throw CardCheckParser.malformed("token answer without APIKey");
            }
            var access = CardCheckParser.text(key, "access_token");
            var id = CardCheckParser.text(key, "id_token");
            if (access == null || id == null) {
                throw CardCheckParser.malformed("token answer without access_token / id_token");
            }
            var user = CardCheckParser.text(key, "username");
            var expiresIn = key.path("expires_in").asLong(0);
            var ttl = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : settings.defaultTokenTtl();
            return new GatewayToken(
                    access,
                    id,
                    user == null ? settings.username() : user,
                    clock.instant().plus(ttl));
        } catch (JsonProcessingException e) {
            throw CardCheckParser.malformed("token answer is not JSON");
        }
    }

    /** The gateway wants md5 hex of the password (its protocol, not a security measure of ours). */
    String md5Hex(String secret) {
        try {
            var digest = MessageDigest.getInstance("MD5").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
