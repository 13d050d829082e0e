package vn.healthid.bridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.Jedis;

/**
 * Throwaway Redis servers for one test class: a primary, replicas ({@code --replicaof}) and
 * Sentinels, each on a free port with its own directory, stopped with the fixture. Needs Debian's
 * {@code redis-server} and {@code redis-sentinel} (CI: {@code .ci/bridge.sh}); without them the
 * tests fail and say so.
 */
public final class RedisProcesses implements AutoCloseable {

    /** How long a started server or a failover may take before the fixture gives up. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    public RedisProcesses() {
        try {
            dir = Files.createTempDirectory("bridge-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server; {@code replicaOf} the primary's port, or 0 for a primary. */
    public Server server(int replicaOf) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                binary("redis-server"),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
        if (replicaOf != 0) {
            command.addAll(List.of("--replicaof", "127.0.0.1", String.valueOf(replicaOf)));
        }
        Server server = new Server(port, start(command, "redis-" + port));
        awaitPing(port);
        if (replicaOf != 0) {
            await(() -> server.info("replication").contains("master_link_status:up"), "replica " + port + " in sync");
        }
        return server;
    }

    /** A Sentinel watching the primary as {@code master} (quorum 1, quick failure detection). */
    public Server sentinel(String master, int primaryPort) {
        int port = freePort();
        Path config = dir.resolve("sentinel-" + port + ".conf");
        try {
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "port " + port,
                            "bind 127.0.0.1",
                            "dir " + dir,
                            "sentinel monitor " + master + " 127.0.0.1 " + primaryPort + " 1",
                            "sentinel down-after-milliseconds " + master + " 1000",
                            "sentinel failover-timeout " + master + " 5000",
                            "sentinel parallel-syncs " + master + " 1",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Server sentinel =
                new Server(port, start(List.of(binary("redis-sentinel"), config.toString()), "sentinel-" + port));
        awaitPing(port);
        return sentinel;
    }

    /** Waits until {@code condition} holds, failing after {@link #PATIENCE} with {@code what}. */
    public static void await(BooleanSupplier condition, String what) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One running server. */
    public static final class Server {
        private final int port;
        private final Process process;

        Server(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        public int port() {
            return port;
        }

        public String address() {
            return "127.0.0.1:" + port;
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        /** Dies at once, as a crashed primary does (no shutdown, no failover handshake). */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public String info(String section) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                return jedis.info(section);
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    private Process start(List<String> command, String name) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitPing(int port) {
        await(
                () -> {
                    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                        return "PONG".equals(jedis.ping());
                    } catch (RuntimeException e) {
                        return false;
                    }
                },
                "redis on port " + port);
    }

    /** The binary on PATH or in /usr/bin; a clear failure when the package is missing. */
    private static String binary(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " not found: install Debian's redis-server and redis-sentinel"
                + " (apt-get install -y redis-server redis-sentinel; CI runs .ci/bridge.sh)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
