package vn.healthid.bridge.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The ended-session keys the Keycloak extension writes (docs/sessions.md vectors) are the keys
 * the bridge reads, checked against the real Redis.
 */
class EndedSessionKeyVectorsIT {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\| `([^`]+)` \\|$");

    record Vector(String prefix, String sid, String key) {}

    static List<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/sessions.md"))) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                vectors.add(new Vector(row.group(1), row.group(2), row.group(3)));
            }
        }
        return vectors;
    }

    @Test
    void bridgeKeysAreTheDocumentedVectors() throws IOException {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(3);
        for (Vector v : vectors()) {
            assertThat(new RedisKeys(v.prefix()).revokedSid(v.sid())).isEqualTo(v.key());
        }
    }

    @Test
    void aSessionEndedUnderTheDocumentedKeyIsEndedForTheBridge() throws IOException {
        Vector v = vectors().getFirst();
        String prefix = "bridgesessions-test:" + v.prefix();
        String key = prefix + v.key().substring(v.prefix().length());
        try (JedisPool pool = new JedisPool("127.0.0.1", 6379);
                Jedis jedis = pool.getResource()) {
            RedisEndedSessions sessions = new RedisEndedSessions(pool, new RedisKeys(prefix));
            try {
                assertThat(sessions.contains(v.sid())).isFalse();
                jedis.setex(key, 60, "LOGOUT");
                assertThat(sessions.contains(v.sid())).isTrue();
                sessions.add(v.sid(), "LOGOUT", Duration.ofSeconds(30));
                assertThat(jedis.ttl(key)).isBetween(1L, 30L);
            } finally {
                jedis.del(key);
            }
        }
    }
}
