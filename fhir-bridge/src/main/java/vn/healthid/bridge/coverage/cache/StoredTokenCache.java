package vn.healthid.bridge.coverage.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.healthid.bridge.coverage.gateway.GatewayToken;
import vn.healthid.bridge.coverage.gateway.TokenCache;
import vn.healthid.bridge.store.TtlCache;

/**
 * The gateway session shared by every replica through the store's {@link TtlCache}, sealed with
 * {@link TokenSealer}: the store never holds the token in clear. An entry that does not open
 * (tampered, another key, the older plaintext format) is a miss, and the caller takes a new token.
 */
public final class StoredTokenCache implements TokenCache {

    private static final String PREFIX = "gateway:token:";

    private record Stored(String accessToken, String idToken, String username, long expiresAtMillis) {}

    private final TtlCache store;
    private final ObjectMapper mapper;
    private final TokenSealer sealer;

    public StoredTokenCache(TtlCache store, ObjectMapper mapper, TokenSealer sealer) {
        this.store = store;
        this.mapper = mapper;
        this.sealer = sealer;
    }

    /** The store key of a user's session (also the additional data the entry is sealed with). */
    public static String keyOf(String username) {
        return PREFIX + username;
    }

    @Override
    public Optional<GatewayToken> get(String username) {
        String key = keyOf(username);
        return store.get(key).flatMap(value -> sealer.open(value, key)).flatMap(this::read);
    }

    @Override
    public void put(GatewayToken token, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        String key = keyOf(token.username());
        store.put(key, sealer.seal(write(token), key), ttl);
    }

    @Override
    public void evict(GatewayToken token) {
        // every write has a fresh nonce: compare the opened token, delete the exact stored bytes
        String key = keyOf(token.username());
        store.get(key)
                .filter(value -> sealer.open(value, key)
                        .flatMap(this::read)
                        .filter(stored -> stored.accessToken().equals(token.accessToken()))
                        .isPresent())
                .ifPresent(value -> store.removeIfEquals(key, value));
    }

    private Optional<GatewayToken> read(String json) {
        try {
            var s = mapper.readValue(json, Stored.class);
            return Optional.of(new GatewayToken(
                    s.accessToken(), s.idToken(), s.username(), Instant.ofEpochMilli(s.expiresAtMillis())));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // unreadable entry: take a new token
        }
    }

    private String write(GatewayToken t) {
        try {
            return mapper.writeValueAsString(new Stored(
                    t.accessToken(), t.idToken(), t.username(), t.expiresAt().toEpochMilli()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
