package vn.healthid.bridge.store.redis;

import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.StreamEntry;

/** Append-only streams as Redis streams ({@code XADD}, {@code XRANGE} with an exclusive start). */
public final class RedisEventStream implements EventStream {

    private final JedisPool pool;
    private final RedisKeys keys;

    public RedisEventStream(JedisPool pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public String append(String stream, Map<String, String> fields) {
        try (Jedis jedis = pool.getResource()) {
            StreamEntryID id = jedis.xadd(keys.stream(stream), XAddParams.xAddParams(), fields);
            return id.toString();
        }
    }

    @Override
    public List<String> appendToEach(List<String> streams, Map<String, String> fields) {
        try (Jedis jedis = pool.getResource();
                Pipeline pipeline = jedis.pipelined()) {
            var ids = streams.stream()
                    .map(stream -> pipeline.xadd(keys.stream(stream), XAddParams.xAddParams(), fields))
                    .toList();
            pipeline.sync();
            return ids.stream().map(id -> id.get().toString()).toList();
        }
    }

    @Override
    public List<StreamEntry> read(String stream, String afterId, int count) {
        String start = afterId == null ? "-" : "(" + afterId;
        try (Jedis jedis = pool.getResource()) {
            return jedis.xrange(keys.stream(stream), start, "+", count).stream()
                    .map(entry -> new StreamEntry(entry.getID().toString(), entry.getFields()))
                    .toList();
        }
    }
}
