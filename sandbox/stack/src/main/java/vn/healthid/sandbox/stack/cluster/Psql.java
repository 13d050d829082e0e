package vn.healthid.sandbox.stack.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.healthid.sandbox.stack.DemoFailure;

/**
 * The cluster's database through {@code psql} (the machine has it; the stack module has no JDBC driver). The address
 * is cluster.env's {@code postgres}: {@code host:port/database}.
 */
final class Psql {

    private final String host;
    private final String port;
    private final String database;

    Psql(String address) {
        int slash = address.indexOf('/');
        String hostPort = slash < 0 ? address : address.substring(0, slash);
        int colon = hostPort.lastIndexOf(':');
        this.host = hostPort.substring(0, colon);
        this.port = hostPort.substring(colon + 1);
        this.database = slash < 0 ? "keycloak" : address.substring(slash + 1);
    }

    /** One statement's rows, unaligned, fields separated by '|'. */
    String query(String sql) {
        return run(List.of("-tAc", sql), null);
    }

    /** {@code \copy table (columns) from stdin csv}, fed by {@code rows}. */
    void copy(String table, String columns, Consumer<Appendable> rows) {
        run(List.of("-c", "\\copy " + table + " (" + columns + ") from stdin with (format csv)"), rows);
    }

    private String run(List<String> arguments, Consumer<Appendable> input) {
        List<String> command = new java.util.ArrayList<>(List.of(
                "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "postgres", "-d", database));
        command.addAll(arguments);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                try (OutputStream out = process.getOutputStream();
                        var writer = new java.io.BufferedWriter(
                                new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
                    input.accept(writer);
                }
            } else {
                process.getOutputStream().close();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new DemoFailure("psql failed: " + output.strip());
            }
            return output.strip();
        } catch (IOException e) {
            throw new DemoFailure("cannot run psql: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }
}
