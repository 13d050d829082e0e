package vn.healthid.bridge.coverage.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.Credentials;
import vn.healthid.sandbox.gateway.Person;
import vn.healthid.sandbox.gateway.Population;

/**
 * Load driver (not a test) for docs/benchmarks.md "fhir-bridge: eligibility". Three processes, as
 * deployed: this driver (the clients, and the token issuer's JWKS), the bridge's own jar with Redis
 * and real signed tokens, and the gateway stand-in's own jar answering every call after a fixed
 * latency. Phases: Patient read (the floor), cached eligibility checks, then bursts of concurrent
 * uncached checks (each check a cache key of its own): the first one cold, the others measured.
 */
public final class EligibilityLoad {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 30));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    static final int BURST = Integer.getInteger("bench.burst", 500);
    // Each burst's keys start with a letter of its own: A to T (the warm-up, cold and uncached ones use X to Z).
    static final int BURSTS = Math.min(12, Integer.getInteger("bench.bursts", 8));
    /** Bursts run and reported but not counted, as the uncached path's code is still being compiled. */
    static final int WARM_BURSTS = Math.min(12, Integer.getInteger("bench.warm-bursts", 10));

    static final Duration GATEWAY_LATENCY = Duration.ofMillis(Long.getLong("bench.gateway-ms", 300));
    /** {@code replay} (default): a minimal recorded gateway in this process; {@code standin}: the WireMock jar. */
    static final String GATEWAY = System.getProperty("bench.gateway", "replay");

    static final String BRIDGE_JVM = System.getProperty("bench.bridge-jvm", "-Xms1g -Xmx1g");
    /** Only the floor and the cached phase (a jar-against-jar comparison of the request path). */
    static final boolean CACHED_ONLY = Boolean.getBoolean("bench.cached-only");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    // Process ids by role, for the CPU each one spends in a burst.
    private final Map<String, Long> pids;

    // The in-process gateway, whose latency the driver sets per phase (null with the stand-in's jar).
    private final ReplayGateway replay;

    private EligibilityLoad(String base, Map<String, Long> pids, ReplayGateway replay) {
        this.base = base;
        this.pids = pids;
        this.replay = replay;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            measure();
        } catch (Exception e) {
            // The reason, cause by cause; the bridge's and the gateway's own logs are in target/bench-*.log.
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.err.println((t == e ? "benchmark failed: " : "  caused by: ") + t);
            }
            status = 1;
        }
        // The issuer's and the gateway's HTTP servers keep non-daemon threads: end here.
        System.exit(status);
    }

    private static void measure() throws Exception {
        var root =
                Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        var bridgeJar = jar(root, "fhir-bridge/target/healthid-fhir-bridge.jar");
        var issuer = TestIssuer.shared();
        int gatewayPort = freePort();
        int bridgePort = freePort();
        var credentials = Credentials.SANDBOX;
        var processes = new ArrayList<Process>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroy)));
        var person = Population.defaults().person("valid");
        ReplayGateway replay = null;
        try {
            String gatewayUrl;
            if ("standin".equals(GATEWAY)) {
                processes.add(launch(
                        "gateway",
                        List.of(
                                "-jar",
                                jar(root, "sandbox/gateway/target/gateway-standin.jar")
                                        .toString(),
                                "--port",
                                Integer.toString(gatewayPort),
                                "--bind",
                                "127.0.0.1",
                                "--latency-ms",
                                Long.toString(GATEWAY_LATENCY.toMillis()))));
                gatewayUrl = "http://127.0.0.1:" + gatewayPort;
                awaitUp(gatewayUrl + "/__admin/health");
            } else {
                replay = ReplayGateway.recording(
                        person, StandIns.CLERK.name(), StandIns.CLERK.nationalId(), GATEWAY_LATENCY);
                gatewayUrl = replay.baseUrl();
            }
            var bridgeArgs = new ArrayList<String>(List.of(BRIDGE_JVM.trim().split("\\s+")));
            var jfr = System.getProperty("bench.jfr");
            if (jfr != null) {
                bridgeArgs.add(
                        "-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
            }
            bridgeArgs.addAll(List.of(
                    "-jar",
                    bridgeJar.toString(),
                    "--server.port=" + bridgePort,
                    "--server.address=127.0.0.1",
                    "--logging.level.root=WARN",
                    "--healthid.security.issuer=" + issuer.issuer(),
                    "--healthid.store.redis-url=redis://127.0.0.1:6379",
                    "--healthid.store.key-prefix=healthid:bench:",
                    "--healthid.gateway.base-url=" + gatewayUrl,
                    "--healthid.gateway.username=" + credentials.username(),
                    "--healthid.gateway.password=" + credentials.password(),
                    "--healthid.gateway.request-timeout=5s"));
            processes.addFirst(launch("bridge", bridgeArgs));
            var bridgeUrl = "http://127.0.0.1:" + bridgePort;
            awaitUp(bridgeUrl + "/actuator/health/readiness");
            var pids = new LinkedHashMap<String, Long>();
            pids.put("bridge", processes.get(0).pid());
            if (processes.size() > 1) {
                pids.put("gateway", processes.get(1).pid());
            }
            pids.put(
                    replay == null ? "driver" : "driver+gateway",
                    ProcessHandle.current().pid());
            new EligibilityLoad(bridgeUrl + "/fhir", pids, replay).run(person, issuer);
        } finally {
            if (replay != null) {
                replay.close();
            }
            processes.forEach(Process::destroy);
            for (var p : processes) {
                p.waitFor();
            }
        }
    }

    private void run(Person person, TestIssuer issuer) throws Exception {
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
        if (CACHED_ONLY) {
            print("Patient read (floor)", floor);
            print("eligibility, cached", cached);
            System.out.printf("cached / floor = %.2f%n", cached.perSecond() / floor.perSecond());
            return;
        }

        // Facility codes unique to this run: every check of a burst misses the cache. One uncached
        // check first, so that the bursts start with a valid gateway token (no 401 renewal storm).
        var run = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase(Locale.ROOT);
        post(body(person, run + "Y"), chip, clerk);
        var cold = burst(prepared(person, run + "Z"), chipTokens(issuer, person), clerk);
        // The uncached path warms up (JIT) as the cached one did: sustained checks, each a new key.
        Stats uncached = null;
        if (replay != null) {
            replay.latency(Duration.ZERO);
            var next = new AtomicLong();
            uncached = phase(
                    "eligibility (uncached)",
                    i -> post(
                            body(
                                    person,
                                    run + "X"
                                            + Long.toString(next.incrementAndGet(), 36)
                                                    .toUpperCase(Locale.ROOT)),
                            chip,
                            clerk));
            replay.latency(GATEWAY_LATENCY);
        }
        var bursts = new ArrayList<Burst>();
        for (int b = 0; b < WARM_BURSTS + BURSTS; b++) {
            bursts.add(burst(prepared(person, run + (char) ('A' + b)), chipTokens(issuer, person), clerk));
            Thread.sleep(1000);
        }

        System.out.printf("%-24s %10s %9s %9s%n", "phase", "req/s", "p50 ms", "p99 ms");
        print("Patient read (floor)", floor);
        print("eligibility, cached", cached);
        if (uncached != null) {
            print("uncached, gateway 0 ms", uncached);
        }
        System.out.printf("cached / floor = %.2f%n", cached.perSecond() / floor.perSecond());
        System.out.printf(
                "uncached bursts of %d concurrent checks, gateway at %d ms:%n", BURST, GATEWAY_LATENCY.toMillis());
        printBurst("cold", cold);
        for (int b = 0; b < bursts.size(); b++) {
            printBurst(b < WARM_BURSTS ? "warm-up " + (b + 1) : "burst " + (b + 1 - WARM_BURSTS), bursts.get(b));
        }
        var measured = bursts.subList(WARM_BURSTS, bursts.size()).stream()
                .mapToLong(Burst::wallMs)
                .sorted()
                .toArray();
        if (measured.length > 0) {
            System.out.printf(
                    "measured bursts: median %d ms, best %d ms, worst %d ms; target %d ms (2x the gateway)%n",
                    measured[measured.length / 2],
                    measured[0],
                    measured[measured.length - 1],
                    2 * GATEWAY_LATENCY.toMillis());
        }
    }

    private static Path jar(Path root, String relative) {
        var jar = root.resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -DskipTests package first");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Process launch(String name, List<String> args) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(args);
        var log = Path.of("target", "bench-" + name + ".log");
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitUp(String url) throws Exception {
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = client.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " did not come up; see target/bench-*.log");
    }

    record Stats(double perSecond, double p50Ms, double p99Ms) {}

    record Burst(long wallMs, long maxMs, long p50Ms, int failures, Map<String, Long> cpuMs) {}

    private Stats phase(String name, IntFunction<HttpResponse<String>> call) throws Exception {
        System.out.println(Instant.now() + " " + name + ": warm-up"); // to match a profiler's windows
        loop(WARMUP, call, null);
        System.out.println(Instant.now() + " " + name + ": measured");
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
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var workers = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        var r = call.apply(i++);
                        if (r.statusCode() >= 300) {
                            stop.set(true);
                            throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                        }
                        if (latencies != null) {
                            latencies.add(System.nanoTime() - t0);
                        }
                    }
                    return null;
                }));
            }
            long end = System.nanoTime() + length.toNanos();
            while (!stop.get() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            stop.set(true);
            for (var w : workers) {
                w.get(); // a failed request ends the run with its answer
            }
        }
    }

    /** The burst's request bodies, made before it starts: encoding them is not the bridge's time. */
    private static List<String> prepared(Person person, String facilityPrefix) {
        var bodies = new ArrayList<String>();
        for (int i = 0; i < BURST; i++) {
            bodies.add(body(person, facilityPrefix + i));
        }
        return bodies;
    }

    /**
     * A chip-present token per check of a burst, as 500 citizens at 500 counters would bring: each
     * one is verified by the bridge (no verified-token cache hit).
     */
    private static List<String> chipTokens(TestIssuer issuer, Person person) {
        var tokens = new ArrayList<String>();
        for (int i = 0; i < BURST; i++) {
            tokens.add(chipToken(issuer, person));
        }
        return tokens;
    }

    private Burst burst(List<String> bodies, List<String> chips, String clerk) throws Exception {
        IntFunction<HttpResponse<String>> call = i -> post(bodies.get(i), chips.get(i), clerk);
        var go = new CountDownLatch(1);
        var firstFailure = new AtomicReference<String>();
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
                            if (r.statusCode() >= 300) {
                                firstFailure.compareAndSet(null, r.statusCode() + " " + r.body());
                            }
                            return new long[] {System.nanoTime() - t0, r.statusCode()};
                        },
                        pool));
            }
            var cpuBefore = cpuMillis();
            long jitBefore = bridgeJitMillis();
            long start = System.nanoTime();
            go.countDown();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            long wall = (System.nanoTime() - start) / 1_000_000;
            var cpu = new LinkedHashMap<String, Long>();
            cpuMillis().forEach((role, ms) -> cpu.put(role, ms - cpuBefore.get(role)));
            cpu.put("bridge JIT", bridgeJitMillis() - jitBefore);
            var times = new ArrayList<Long>();
            int failures = 0;
            for (var f : futures) {
                var r = f.join();
                times.add(r[0]);
                failures += r[1] >= 300 ? 1 : 0;
            }
            Collections.sort(times);
            if (firstFailure.get() != null) {
                System.out.println("first failure: " + firstFailure.get());
            }
            return new Burst(wall, times.get(times.size() - 1) / 1_000_000, pct(times, 0.5) / 1_000_000, failures, cpu);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static void printBurst(String name, Burst b) {
        System.out.printf(
                "  %-9s all done in %5d ms (slowest %5d ms, median %5d ms), %d not 2xx; CPU ms %s%n",
                name, b.wallMs, b.maxMs, b.p50Ms, b.failures, b.cpuMs);
    }

    /** User + system CPU of each process so far, from /proc (Linux; clock ticks of 10 ms). */
    /**
     * The bridge's JIT compiler time so far ({@code jvm_compilation_time_ms_total} from its Prometheus
     * endpoint): a burst during which it still grows ran partly on code not yet compiled.
     */
    private long bridgeJitMillis() {
        var root = base.substring(0, base.lastIndexOf("/fhir"));
        var prometheus = send(HttpRequest.newBuilder(URI.create(root + "/actuator/prometheus"))
                        .GET())
                .body();
        for (var line : prometheus.split("\n")) {
            if (line.startsWith("jvm_compilation_time_ms_total")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private Map<String, Long> cpuMillis() {
        var out = new LinkedHashMap<String, Long>();
        pids.forEach((role, pid) -> {
            try {
                var stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.put(role, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
            } catch (IOException | RuntimeException e) {
                out.put(role, 0L);
            }
        });
        return out;
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
        return send(HttpRequest.newBuilder(URI.create(base + "/CoverageEligibilityRequest/$submit"))
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
        return ca.uhn.fhir.context.FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(new org.hl7.fhir.r4.model.Parameters()
                        .addParameter(new org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent()
                                .setName("resource")
                                .setResource(r)));
    }
}
