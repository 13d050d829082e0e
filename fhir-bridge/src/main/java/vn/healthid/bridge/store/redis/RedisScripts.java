package vn.healthid.bridge.store.redis;

/** Lua run on the Redis server, where a read and a write must be one step. */
final class RedisScripts {

    /** Deletes KEYS[1] only while it holds ARGV[1]: never a value another replica just wrote. */
    static final String DELETE_IF_EQUALS =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private RedisScripts() {}
}
