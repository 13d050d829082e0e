package vn.healthid.bridge.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * Load driver (not a test): Patient read with a valid token against {@code /fhir/metadata} as the
 * floor, in one run. It starts the test issuer (JWKS on loopback), launches the packaged bridge
 * jar as a child process pointed at it, waits for readiness, then drives each phase with
 * {@code concurrency} virtual threads over java.net.http for {@code seconds} or {@code maxRequests}
 * requests, whichever comes first. Loopback only. Arguments (system properties):
 * {@code bench.jar} (default fhir-bridge/target/healthid-fhir-bridge.jar), {@code bench.seconds}
 * (20), {@code bench.warmup} (10), {@code bench.concurrency} (16), {@code bench.maxRequests}
 * (200000), {@code bench.redis} (a Redis URL; default the in-memory store).
 */
public final class PatientReadLoad {

    private static final String NUMBER = "079090009999";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "fhir-bridge/target/healthid-fhir-bridge.jar"));
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int maxRequests = Integer.getInteger("bench.maxRequests", 200_000);
        String redis = System.getProperty("bench.redis", "");

        TestIssuer issuer = TestIssuer.shared();
        int port = freePort();
        Process bridge = launch(jar, issuer.issuer(), port, redis);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base + "/actuator/health/readiness");
            String token = issuer.token()
                    .citizen(NUMBER)
                    .scope("openid patient/Patient.rs")
                    .expiresAt(java.time.Instant.now().plus(Duration.ofHours(1)))
                    .sign();
            URI metadata = URI.create(base + "/fhir/metadata");
            URI patient = URI.create(base + "/fhir/Patient/" + TokenBuilder.patientIdOf(NUMBER));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            run(http, metadata, null, concurrency, warmup, maxRequests);
            run(http, patient, token, concurrency, warmup, maxRequests);
            System.out.printf(
                    "store=%s concurrency=%d seconds=%d%n", redis.isEmpty() ? "memory" : "redis", concurrency, seconds);
            System.out.println("| endpoint | requests | errors | req/s | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.println(
                    run(http, metadata, null, concurrency, seconds, maxRequests).row("GET /fhir/metadata"));
            System.out.println(
                    run(http, patient, token, concurrency, seconds, maxRequests).row("GET /fhir/Patient/{id}"));
        } finally {
            bridge.destroy();
            bridge.waitFor();
        }
        // the test issuer's HttpServer thread is not a daemon: end the driver explicitly
        System.exit(0);
    }

    private record Result(int requests, int errors, double seconds, long[] nanos) {
        String row(String name) {
            long[] sorted = Arrays.copyOf(nanos, requests);
            Arrays.sort(sorted);
            return String.format(
                    "| %s | %d | %d | %.0f | %.2f | %.2f |",
                    name, requests, errors, requests / seconds, pct(sorted, 0.50), pct(sorted, 0.99));
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
        }
    }

    private static Result run(HttpClient http, URI uri, String token, int concurrency, int seconds, int maxRequests)
            throws InterruptedException {
        long[] nanos = new long[maxRequests];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong end = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.header("Accept", "application/fhir+json").build();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = http.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                            .statusCode()
                                    == 200;
                        } catch (IOException | InterruptedException e) {
                            ok = false;
                        }
                        int slot = count.getAndIncrement();
                        if (slot >= maxRequests) {
                            count.decrementAndGet();
                            return;
                        }
                        nanos[slot] = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        end.set(System.nanoTime());
        return new Result(count.get(), errors.get(), (end.get() - start) / 1e9, nanos);
    }

    private static Process launch(Path jar, String issuer, int port, String redis) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "bench-bridge.log"));
        builder.environment().put("HEALTHID_SECURITY_ISSUER", issuer);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        if (!redis.isEmpty()) {
            builder.environment().put("HEALTHID_STORE_REDIS_URL", redis);
            builder.environment().put("HEALTHID_STORE_KEY_PREFIX", "healthid-bench:");
        }
        return builder.start();
    }

    private static void awaitReady(String url) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the bridge did not become ready; see bench-bridge.log in java.io.tmpdir");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
