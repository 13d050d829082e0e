package vn.healthid.bridge.coverage.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.healthid.bridge.store.TtlCache;

/**
 * Card-check answers by key. An entry is fresh until {@code freshUntil} and kept, for stale
 * service while the gateway is down, until {@code fetchedAt + maxStale}.
 */
public final class AnswerCache {

    private static final String PREFIX = "coverage:check:";

    /** A cached gateway answer (its validated JSON) and when it was fetched. */
    public record Cached(String gatewayJson, Instant fetchedAt, Instant freshUntil) {
        public boolean freshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }

    private record Stored(String json, long fetchedAt, long freshUntil) {}

    private final TtlCache store;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration maxStale;

    public AnswerCache(TtlCache store, ObjectMapper mapper, Clock clock, Duration maxStale) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
        this.maxStale = maxStale;
    }

    public Optional<Cached> read(String key) {
        return store.get(PREFIX + key).flatMap(this::decode);
    }

    public void write(String key, String gatewayJson, Instant freshUntil) {
        var now = clock.instant();
        if (!freshUntil.isAfter(now)) {
            return;
        }
        var keepUntil = now.plus(maxStale).isAfter(freshUntil) ? now.plus(maxStale) : freshUntil;
        try {
            var value =
                    mapper.writeValueAsString(new Stored(gatewayJson, now.toEpochMilli(), freshUntil.toEpochMilli()));
            store.put(PREFIX + key, value, Duration.between(now, keepUntil));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a cached answer is young enough to be served stale. */
    public boolean servableStale(Cached cached) {
        return clock.instant().isBefore(cached.fetchedAt().plus(maxStale));
    }

    private Optional<Cached> decode(String value) {
        try {
            var s = mapper.readValue(value, Stored.class);
            return Optional.of(
                    new Cached(s.json(), Instant.ofEpochMilli(s.fetchedAt()), Instant.ofEpochMilli(s.freshUntil())));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
