package vn.healthid.identity.keycloak.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/** Against the shared Redis on 127.0.0.1:6379, under a key of its own. */
class RedisConnectionTest {

    private final String key = "healthid-test:" + UUID.randomUUID() + ":stream:audit";
    private final RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");

    @AfterEach
    void removeKey() {
        redis.del(key);
        redis.close();
    }

    @Test
    void appendsEntriesWithTheirFieldsToTheStream() throws IOException {
        try (RedisConnection writer = new RedisConnection(
                RedisSettings.direct(URI.create("redis://127.0.0.1:6379"), Duration.ofSeconds(1)))) {
            String first = writer.xadd(key, Map.of("v", "1", "subtype", "LOGIN", "client", "clinic-reception"));
            writer.xadd(key, Map.of("v", "1", "subtype", "LOGIN_ERROR", "client", "Phòng khám Đa khoa"));

            List<StreamEntry> entries = redis.xrange(key, "-", "+");

            assertThat(entries).hasSize(2);
            assertThat(entries.getFirst().getID().toString()).isEqualTo(first);
            assertThat(entries.getFirst().getFields()).containsEntry("subtype", "LOGIN");
            assertThat(entries.get(1).getFields()).containsEntry("client", "Phòng khám Đa khoa");
        }
    }

    @Test
    void closedPortFailsFastWithAnIoError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RedisConnection writer = new RedisConnection(
                RedisSettings.direct(URI.create("redis://127.0.0.1:" + port), Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> writer.xadd(key, Map.of("v", "1"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void wrongKeyTypeIsReportedAsRedisReply() throws IOException {
        redis.set(key, "not a stream");
        try (RedisConnection writer = new RedisConnection(
                RedisSettings.direct(URI.create("redis://127.0.0.1:6379"), Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> writer.xadd(key, Map.of("v", "1")))
                    .isInstanceOf(RedisConnection.RedisReplyException.class)
                    .hasMessageContaining("WRONGTYPE");
        }
    }
}
