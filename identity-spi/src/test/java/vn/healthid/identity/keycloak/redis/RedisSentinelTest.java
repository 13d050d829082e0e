package vn.healthid.identity.keycloak.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Against a real Redis Sentinel set on free ports, started for this class (Debian's {@code redis-server} and
 * {@code redis-sentinel}): a primary, its replica and one sentinel watching them under this run's master name.
 */
class RedisSentinelTest {

    private static final String MASTER =
            "healthid-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<Process> PROCESSES = new ArrayList<>();

    private static Path work;
    private static int primary;
    private static int replica;
    private static int sentinel;

    @BeforeAll
    static void startSentinelSet() throws Exception {
        work = Files.createTempDirectory("healthid-sentinel-test");
        primary = freePort();
        replica = freePort();
        sentinel = freePort();
        start(
                "redis-server",
                "--port",
                Integer.toString(primary),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                work.toString());
        start(
                "redis-server",
                "--port",
                Integer.toString(replica),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                work.toString(),
                "--replicaof",
                "127.0.0.1",
                Integer.toString(primary));
        Path config = Files.writeString(
                work.resolve("sentinel.conf"),
                String.join(
                        "\n",
                        "port " + sentinel,
                        "bind 127.0.0.1",
                        "dir " + work,
                        "sentinel monitor " + MASTER + " 127.0.0.1 " + primary + " 1",
                        "sentinel down-after-milliseconds " + MASTER + " 1000",
                        "sentinel failover-timeout " + MASTER + " 5000",
                        ""));
        start("redis-sentinel", config.toString());
        await(
                "the sentinel knows the replica",
                () -> sentinelSays("SENTINEL", "replicas", MASTER).contains("127.0.0.1:" + replica));
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(Process::destroy);
    }

    @Test
    void writesReachTheMasterTheSentinelNames() throws IOException {
        String key = "healthid-test:" + UUID.randomUUID();
        try (RedisConnection redis = new RedisConnection(settings(List.of(sentinel)))) {
            redis.setWithTtl(key, "1764700000", 120);
        }
        try (RedisClient master = RedisClient.create("redis://127.0.0.1:" + currentMasterPort())) {
            assertThat(master.get(key)).isEqualTo("1764700000");
            assertThat(master.ttl(key)).isBetween(1L, 120L);
        }
    }

    @Test
    void aSentinelThatDoesNotAnswerIsSkipped() throws IOException {
        String key = "healthid-test:" + UUID.randomUUID();
        try (RedisConnection redis = new RedisConnection(settings(List.of(freePort(), sentinel)))) {
            redis.setWithTtl(key, "1", 60);
        }
        try (RedisClient master = RedisClient.create("redis://127.0.0.1:" + currentMasterPort())) {
            assertThat(master.exists(key)).isTrue();
        }
    }

    @Test
    void unknownMasterNameFailsWithAnIoError() {
        RedisSettings unknown = new RedisSettings(
                URI.create("redis://127.0.0.1"),
                Duration.ofMillis(500),
                "no-such-master",
                List.of(new RedisSettings.Address("127.0.0.1", sentinel)));
        try (RedisConnection redis = new RedisConnection(unknown)) {
            assertThatThrownBy(() -> redis.setWithTtl("healthid-test:x", "1", 60))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("does not know master");
        }
    }

    @Test
    void afterAFailoverTheSameConnectionWritesToTheNewMaster() throws Exception {
        try (RedisConnection redis = new RedisConnection(settings(List.of(sentinel)))) {
            redis.setWithTtl("healthid-test:" + UUID.randomUUID(), "before", 60);
            int before = currentMasterPort();

            // A sentinel that has only just found the replica refuses a failover (NOGOODSLAVE) until it has the
            // replica's state; ask again until it accepts.
            boolean[] accepted = {"OK".equals(sentinelSays("SENTINEL", "failover", MASTER))};
            await("the sentinel promoted the other server", () -> {
                if (currentMasterPort() != before) {
                    return true;
                }
                if (!accepted[0]) {
                    accepted[0] = "OK".equals(sentinelSays("SENTINEL", "failover", MASTER));
                }
                return false;
            });
            await("the old master follows the new one", () -> role(before).equals("slave"));

            String key = "healthid-test:" + UUID.randomUUID();
            redis.setWithTtl(key, "after", 60);
            try (RedisClient master = RedisClient.create("redis://127.0.0.1:" + currentMasterPort())) {
                assertThat(master.get(key)).isEqualTo("after");
            }
        }
    }

    private static RedisSettings settings(List<Integer> sentinelPorts) {
        return new RedisSettings(
                URI.create("redis://127.0.0.1"),
                Duration.ofMillis(500),
                MASTER,
                sentinelPorts.stream()
                        .map(port -> new RedisSettings.Address("127.0.0.1", port))
                        .toList());
    }

    private static int currentMasterPort() {
        try (RespSocket asking =
                RespSocket.open(new RedisSettings.Address("127.0.0.1", sentinel), false, Duration.ofSeconds(2))) {
            List<?> hostPort = (List<?>) asking.call(List.of("SENTINEL", "get-master-addr-by-name", MASTER));
            return Integer.parseInt((String) hostPort.get(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String role(int port) {
        try (RespSocket server =
                RespSocket.open(new RedisSettings.Address("127.0.0.1", port), false, Duration.ofSeconds(2))) {
            return (String) ((List<?>) server.call(List.of("ROLE"))).getFirst();
        } catch (IOException e) {
            return "unreachable";
        }
    }

    private static String sentinelSays(String... command) {
        try (RespSocket asking =
                RespSocket.open(new RedisSettings.Address("127.0.0.1", sentinel), false, Duration.ofSeconds(2))) {
            return String.valueOf(asking.call(List.of(command)));
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls a condition (the sentinel set settles on its own schedule); fails after a minute. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute, still not: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static void start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(command[0] + "-" + PROCESSES.size() + ".log")
                        .toFile())
                .start();
        PROCESSES.add(process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
