package vn.healthid.bridge.coverage.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.healthid.bridge.coverage.gateway.GatewayToken;
import vn.healthid.bridge.coverage.gateway.TokenCache;

/** The gateway session shared by every replica through the {@link CoverageStore}. */
public final class StoredTokenCache implements TokenCache {

    private static final String PREFIX = "healthid:gateway:token:";

    private record Stored(String accessToken, String idToken, String username, long expiresAtMillis) {}

    private final CoverageStore store;
    private final ObjectMapper mapper;

    public StoredTokenCache(CoverageStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public Optional<GatewayToken> get(String username) {
        return store.get(PREFIX + username).flatMap(this::read);
    }

    @Override
    public void put(GatewayToken token, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        store.put(PREFIX + token.username(), write(token), ttl);
    }

    @Override
    public void evict(GatewayToken token) {
        store.deleteIfEquals(PREFIX + token.username(), write(token));
    }

    private Optional<GatewayToken> read(String json) {
        try {
            var s = mapper.readValue(json, Stored.class);
            return Optional.of(new GatewayToken(
                    s.accessToken(), s.idToken(), s.username(), Instant.ofEpochMilli(s.expiresAtMillis())));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // unreadable entry (older format): take a new token
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
