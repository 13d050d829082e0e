package vn.healthid.bridge.coverage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.boot.SpringApplication;
import vn.healthid.bridge.BridgeApplication;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Person;

/**
 * Load driver (not a test) for docs/benchmarks.md "fhir-bridge: eligibility": the whole bridge on
 * a random port with Redis, real signed tokens, the gateway stand-in. Phases: Patient read (the
 * floor), cached eligibility checks, then 500 concurrent uncached checks with the gateway at 300 ms.
 */
public final class EligibilityLoad {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    static final int BURST = Integer.getInteger("bench.burst", 500);
    static final Duration GATEWAY_LATENCY = Duration.ofMillis(Long.getLong("bench.gateway-ms", 300));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private EligibilityLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        var gateway = GatewayStandIn.start(0);
        var issuer = TestIssuer.shared();
        var app = SpringApplication.run(
                BridgeApplication.class,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--healthid.security.issuer=" + issuer.issuer(),
                "--healthid.store.redis-url=redis://127.0.0.1:6379",
                "--healthid.store.key-prefix=healthid:bench:",
                "--healthid.gateway.base-url=" + gateway.baseUrl(),
                "--healthid.gateway.username=" + gateway.credentials().username(),
                "--healthid.gateway.password=" + gateway.credentials().password(),
                "--healthid.gateway.request-timeout=5s",
                "--server.tomcat.accept-count=1024");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            new EligibilityLoad("http://127.0.0.1:" + port + "/fhir").run(gateway, issuer);
        } finally {
            app.close();
            gateway.stop();
        }
        System.exit(0);
    }

    private void run(GatewayStandIn gateway, TestIssuer issuer) throws Exception {
        var person = gateway.population().person("valid");
        var citizen = issuer.token()
                .citizen(person.cccd())
                .scope("patient/Patient.rs")
                .sign();
        var patientId = TokenBuilder.patientIdOf(person.cccd());
        var chip = chipToken(issuer, person);
        var clerk = clerkToken(issuer);
        var eligibility = body(person, "79071");

        var floor = phase("Patient read", i -> get("/Patient/" + patientId, citizen));
        var cached = phase("eligibility (cached)", i -> post(eligibility, chip, clerk));

        // Facility codes unique to this run: every check of a burst misses the cache. One uncached
        // check first, so that the bursts start with a valid gateway token (no 401 renewal storm).
        var run = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase(Locale.ROOT);
        post(body(person, run + "W"), chip, clerk);
        long callsBefore = gateway.cardCheckCalls();
        var instant = burst(i -> post(body(person, run + "A" + i), chip, clerk));
        gateway.faults().latency(GATEWAY_LATENCY);
        var slow = burst(i -> post(body(person, run + "B" + i), chip, clerk));
        long calls = gateway.cardCheckCalls() - callsBefore;

        System.out.printf("%-24s %10s %9s %9s%n", "phase", "req/s", "p50 ms", "p99 ms");
        print("Patient read (floor)", floor);
        print("eligibility, cached", cached);
        System.out.printf("uncached bursts of %d concurrent checks (%d gateway calls in all):%n", BURST, calls);
        printBurst("gateway 0 ms", instant);
        printBurst("gateway " + GATEWAY_LATENCY.toMillis() + " ms", slow);
    }

    record Stats(double perSecond, double p50Ms, double p99Ms) {}

    record Burst(long wallMs, long maxMs, long p50Ms, int failures) {}

    private Stats phase(String name, IntFunction<HttpResponse<String>> call) throws Exception {
        loop(WARMUP, call, null);
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        long start = System.nanoTime();
        loop(MEASURE, call, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Stats(sorted.size() / seconds, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6);
    }

    private void loop(Duration length, IntFunction<HttpResponse<String>> call, List<Long> latencies) throws Exception {
        var stop = new AtomicBoolean();
        var done = new CountDownLatch(THREADS);
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        var r = call.apply(i++);
                        if (r.statusCode() >= 300) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                        }
                        if (latencies != null) {
                            latencies.add(System.nanoTime() - t0);
                        }
                    }
                    done.countDown();
                    return null;
                });
            }
            Thread.sleep(length.toMillis());
            stop.set(true);
            done.await();
        }
    }

    private Burst burst(IntFunction<HttpResponse<String>> call) throws Exception {
        var go = new CountDownLatch(1);
        var futures = new ArrayList<CompletableFuture<long[]>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            long t0 = System.nanoTime();
                            var r = call.apply(n);
                            return new long[] {System.nanoTime() - t0, r.statusCode()};
                        },
                        pool));
            }
            long start = System.nanoTime();
            go.countDown();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            long wall = (System.nanoTime() - start) / 1_000_000;
            var times = new ArrayList<Long>();
            int failures = 0;
            for (var f : futures) {
                var r = f.join();
                times.add(r[0]);
                failures += r[1] >= 300 ? 1 : 0;
            }
            Collections.sort(times);
            return new Burst(wall, times.get(times.size() - 1) / 1_000_000, pct(times, 0.5) / 1_000_000, failures);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static void printBurst(String name, Burst b) {
        System.out.printf(
                "  %-14s all done in %d ms (slowest %d ms, median %d ms), %d not 2xx%n",
                name, b.wallMs, b.maxMs, b.p50Ms, b.failures);
    }

    private static void print(String name, Stats s) {
        System.out.printf("%-24s %10.1f %9.2f %9.2f%n", name, s.perSecond(), s.p50Ms(), s.p99Ms());
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json")
                .GET());
    }

    private HttpResponse<String> post(String body, String token, String clerk) {
        return send(HttpRequest.newBuilder(URI.create(base + "/CoverageEligibilityRequest"))
                .header("Authorization", "Bearer " + token)
                .header("X-Staff-Token", clerk)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chipToken(TestIssuer issuer, Person p) {
        return issuer.token()
                .citizen(p.cccd())
                .claim("name", p.hoTen())
                .claim("family_name", p.hoTen().substring(0, p.hoTen().indexOf(' ')))
                .claim("given_name", p.hoTen().substring(p.hoTen().indexOf(' ') + 1))
                .claim("birthdate", StandIns.birthDate(p).toString())
                .claim("azp", "clinic-reception")
                .claim("act", Map.of("client_id", "clinic-reception"))
                .scope("patient/CoverageEligibilityRequest.c")
                .expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign();
    }

    private static String clerkToken(TestIssuer issuer) {
        return issuer.token()
                .claim("azp", "clinic-reception")
                .claim("name", StandIns.CLERK.name())
                .claim("national_id", StandIns.CLERK.nationalId())
                .scope("user/CoverageEligibilityRequest.c")
                .expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign();
    }

    private static String body(Person p, String facility) {
        var r = new CoverageEligibilityRequest();
        r.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
        r.setPatient(new Reference("Patient/" + TokenBuilder.patientIdOf(p.cccd())));
        r.setProvider(new Reference()
                .setIdentifier(
                        new Identifier().setSystem(CoverageFhir.BHYT_FACILITY).setValue(facility)));
        return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r);
    }
}
