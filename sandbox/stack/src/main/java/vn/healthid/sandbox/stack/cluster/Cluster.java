package vn.healthid.sandbox.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;

/** The running cluster as the checks use it: its addresses, its store, and the processes they kill and restart. */
final class Cluster {

    private final ClusterEnv env;
    private final Path control;

    Cluster(ClusterEnv env, Path control) {
        this.env = env;
        this.control = control;
    }

    ClusterEnv env() {
        return env;
    }

    /** {@code bin/healthid cluster kill NAME}: kill -9, as a crash would. */
    void kill(String name) {
        run("kill", name);
    }

    /** {@code bin/healthid cluster restart NAME}: returns once the process is healthy again. */
    void restart(String name) {
        run("restart", name);
    }

    private void run(String verb, String name) {
        try {
            Process process = new ProcessBuilder(control.toString(), "cluster", verb, name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new DemoFailure("cluster " + verb + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new DemoFailure("cannot run " + control + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    /** host:port of the Redis primary, as the first Sentinel that answers names it. */
    String redisPrimary() {
        for (String sentinel : env.sentinels()) {
            try {
                if (Resp.call(sentinel, "SENTINEL", "get-master-addr-by-name", env.sentinelMaster())
                        instanceof List<?> address) {
                    return address.get(0) + ":" + address.get(1);
                }
            } catch (IOException e) {
                // the next Sentinel
            }
        }
        throw new DemoFailure("no Sentinel names a primary");
    }

    /** A command on the current primary. */
    Object redis(String... command) {
        try {
            return Resp.call(redisPrimary(), command);
        } catch (IOException e) {
            throw new DemoFailure("Redis: " + e.getMessage());
        }
    }

    /** The process name (redis-N) of the Redis listening on host:port. */
    String redisName(String hostPort) {
        int index = env.redisNodes().indexOf(hostPort);
        if (index < 0) {
            throw new DemoFailure("no Redis of this cluster listens on " + hostPort);
        }
        return "redis-" + index;
    }

    /** How many card checks reached the gateway stand-in (the access log of the nginx in front of it). */
    long gatewayCardChecks() {
        try (var lines = Files.lines(env.gatewayLog())) {
            return lines.filter(line -> line.contains(" /api/egw/KQNhanLichSuKCB2024"))
                    .count();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new DemoFailure("cannot read " + env.gatewayLog());
        }
    }

    /** An administrator's token of the master realm (the cluster's bootstrap admin). */
    String adminToken(String node) {
        return new Http()
                .postForm(
                        node + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type", "password",
                                "client_id", "admin-cli",
                                "username", "admin",
                                "password", "admin"))
                .expect(200, "admin token")
                .json()
                .path("access_token")
                .asText();
    }
}
