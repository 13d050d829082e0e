package vn.healthid.bridge.store.redis;

import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;
import vn.healthid.bridge.store.EndedSessions;

/** {@link EndedSessions} as one Redis string per session with a TTL; only its existence counts. */
public final class RedisEndedSessions implements EndedSessions {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    public RedisEndedSessions(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public boolean contains(String sid) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(keys.revokedSid(sid));
        }
    }

    @Override
    public void add(String sid, String reason, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(keys.revokedSid(sid), reason, SetParams.setParams().px(ttl.toMillis()));
        }
    }
}
