package vn.healthid.sandbox.gateway;

import java.io.FileInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in on its own for the sandbox stack:
 * {@code java -jar gateway-standin.jar --port 8089 [--bind 0.0.0.0] [--latency-ms 300] [--token-ttl-s 1800]
 * [--population file.json] [--username u --password p]}.
 */
public final class GatewayStandInMain {

    private GatewayStandInMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 8089;
        String bind = "0.0.0.0";
        long latencyMs = 0;
        long ttlSeconds = GatewayStandIn.DEFAULT_TOKEN_TTL.toSeconds();
        String populationFile = null;
        String username = env("GATEWAY_USERNAME", Credentials.SANDBOX.username());
        String password = env("GATEWAY_PASSWORD", Credentials.SANDBOX.password());
        for (int i = 0; i < args.length; i++) {
            var value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--bind" -> bind = value;
                case "--latency-ms" -> latencyMs = Long.parseLong(value);
                case "--token-ttl-s" -> ttlSeconds = Long.parseLong(value);
                case "--population" -> populationFile = value;
                case "--username" -> username = value;
                case "--password" -> password = value;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
            i++;
        }
        Population population;
        if (populationFile == null) {
            population = Population.defaults();
        } else {
            try (var in = new FileInputStream(populationFile)) {
                population = Population.load(in);
            }
        }
        var standIn = GatewayStandIn.start(
                bind, port, population, new Credentials(username, password), Duration.ofSeconds(ttlSeconds));
        standIn.faults().latency(Duration.ofMillis(latencyMs));
        System.out.println("insurance-gateway stand-in on " + standIn.baseUrl() + " ("
                + population.people().size() + " people, user " + username + ")");
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.stop();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        var v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
