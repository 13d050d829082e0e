package vn.healthid.bridge.store.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * Documents as Redis hashes ({@code v} version, {@code b} body, {@code t} last update in millis).
 * Compare-and-set runs as a Lua script so the version check and the write are one atomic step.
 */
public final class RedisDocumentStore implements DocumentStore {

    private static final String PUT = """
            local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
            local exp = tonumber(ARGV[1])
            if exp ~= -1 and exp ~= cur then return {0, cur} end
            redis.call('HSET', KEYS[1], 'v', cur + 1, 'b', ARGV[2], 't', ARGV[3])
            return {1, cur + 1}
            """;

    private static final String DELETE = """
            local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
            local exp = tonumber(ARGV[1])
            if cur == 0 then
              if exp > 0 then return {0, 0} end
              return {1, 0}
            end
            if exp ~= -1 and exp ~= cur then return {0, cur} end
            redis.call('DEL', KEYS[1])
            return {1, cur}
            """;

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisDocumentStore(Pool<Jedis> pool, RedisKeys keys, Clock clock) {
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<StoredDocument> get(String collection, String id) {
        List<String> fields;
        try (Jedis jedis = pool.getResource()) {
            fields = jedis.hmget(keys.document(collection, id), "v", "b", "t");
        }
        if (fields.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredDocument(
                id, Long.parseLong(fields.get(0)), fields.get(1), Instant.ofEpochMilli(Long.parseLong(fields.get(2)))));
    }

    @Override
    public StoredDocument put(String collection, String id, String body, long expectedVersion) {
        Instant now = clock.instant();
        List<?> result = eval(
                PUT,
                keys.document(collection, id),
                List.of(Long.toString(expectedVersion), body, Long.toString(now.toEpochMilli())));
        long version = (Long) result.get(1);
        if ((Long) result.get(0) == 0) {
            throw new VersionConflictException(expectedVersion, version);
        }
        return new StoredDocument(id, version, body, now);
    }

    @Override
    public boolean delete(String collection, String id, long expectedVersion) {
        List<?> result = eval(DELETE, keys.document(collection, id), List.of(Long.toString(expectedVersion)));
        long version = (Long) result.get(1);
        if ((Long) result.get(0) == 0) {
            throw new VersionConflictException(expectedVersion, version);
        }
        return version > 0;
    }

    private List<?> eval(String script, String key, List<String> args) {
        try (Jedis jedis = pool.getResource()) {
            return (List<?>) jedis.eval(script, List.of(key), args);
        }
    }
}
