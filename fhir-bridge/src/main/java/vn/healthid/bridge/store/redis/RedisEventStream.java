package vn.healthid.bridge.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.NotReplicatedException;
import vn.healthid.bridge.store.StreamEntry;

/**
 * Append-only streams as Redis streams ({@code XADD}, {@code XRANGE} with an exclusive start). With
 * {@code replicaAcks} above 0, an append returns only once that many replicas hold it ({@code WAIT
 * replicaAcks timeout} on the connection that wrote it), else throws {@link
 * NotReplicatedException}: an entry acknowledged to a caller survives the primary's failover.
 */
public final class RedisEventStream implements EventStream {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final int replicaAcks;
    private final Duration replicaTimeout;

    public RedisEventStream(Pool<Jedis> pool, RedisKeys keys) {
        this(pool, keys, 0, Duration.ZERO);
    }

    public RedisEventStream(Pool<Jedis> pool, RedisKeys keys, int replicaAcks, Duration replicaTimeout) {
        this.pool = pool;
        this.keys = keys;
        this.replicaAcks = replicaAcks;
        this.replicaTimeout = replicaTimeout;
    }

    @Override
    public String append(String stream, Map<String, String> fields) {
        try (Jedis jedis = pool.getResource()) {
            StreamEntryID id = jedis.xadd(keys.stream(stream), XAddParams.xAddParams(), fields);
            awaitReplicas(jedis);
            return id.toString();
        }
    }

    @Override
    public List<String> appendToEach(List<String> streams, Map<String, String> fields) {
        try (Jedis jedis = pool.getResource()) {
            List<Response<StreamEntryID>> ids;
            try (Pipeline pipeline = jedis.pipelined()) {
                ids = streams.stream()
                        .map(stream -> pipeline.xadd(keys.stream(stream), XAddParams.xAddParams(), fields))
                        .toList();
                pipeline.sync();
            }
            awaitReplicas(jedis); // after the pipeline: WAIT covers every write of this connection
            return ids.stream().map(id -> id.get().toString()).toList();
        }
    }

    private void awaitReplicas(Jedis jedis) {
        if (replicaAcks == 0) {
            return;
        }
        long acknowledged = jedis.waitReplicas(replicaAcks, replicaTimeout.toMillis());
        if (acknowledged < replicaAcks) {
            throw new NotReplicatedException(acknowledged, replicaAcks);
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
