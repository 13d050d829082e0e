package vn.healthid.identity.keycloak.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;

/**
 * Load driver, not a test: chip back-channel tokens/s against client-credentials grants/s on the same Keycloak in
 * the same run (docs/benchmarks.md, "Keycloak: chip back channel"). Run after {@code verify} built the jar:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl identity-spi exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.healthid.identity.keycloak.bench.ChipBackChannelLoad \
 *   -Dhealthid.keycloak.home=identity-spi/target/keycloak/keycloak-26.7.3 \
 *   -Dhealthid.extension.jar=identity-spi/target/healthid-identity-spi-0.1.0-SNAPSHOT.jar \
 *   -Dhealthid.provider.libs=identity-spi/target/providers -Dhealthid.realm.dir=sandbox/realms
 * </pre>
 */
public final class ChipBackChannelLoad {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    /** The cards' active-authentication key: the reader simulator's signing runs on the same cores as Keycloak. */
    private static final AaKey AA = AaKey.valueOf(System.getProperty("bench.aa", "RSA_2048_SHA256"));

    private ChipBackChannelLoad() {}

    public static void main(String[] args) throws Exception {
        KeycloakServer server = KeycloakServer.get();
        Oidc oidc = new Oidc(server);
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < THREADS * 8; i++) {
            cards.add(server.cards()
                    .issue(server.cards().freshCitizen(), CardSpec.defaults().withAaKey(AA)));
        }
        LongAdder cursor = new LongAdder();
        LongAdder readerNanos = new LongAdder();
        LongAdder readerCalls = new LongAdder();
        IntSupplier clientCredentials = () -> oidc.clientCredentials().status();
        IntSupplier chip = () -> {
            cursor.increment();
            Card card = cards.get((int) (cursor.sum() % cards.size()));
            String nonce = oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET);
            long started = System.nanoTime();
            String bundle = card.bundleJson(nonce);
            readerNanos.add(System.nanoTime() - started);
            readerCalls.increment();
            return oidc.chipGrant(bundle).status();
        };
        IntSupplier challengeOnly = () -> {
            oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET);
            return 200;
        };
        run("client_credentials", clientCredentials, WARMUP);
        double cc = run("client_credentials", clientCredentials, MEASURE);
        run("chip back channel", chip, WARMUP);
        readerNanos.reset();
        readerCalls.reset();
        double chipRate = run("chip back channel", chip, MEASURE);
        double readerMicros = readerNanos.sum() / 1e3 / Math.max(1, readerCalls.sum());
        double challenges = run("challenge endpoint", challengeOnly, MEASURE);
        System.out.printf("challenge endpoint alone: %.1f/s%n", challenges);
        System.out.printf(
                "threads=%d measure=%ds aa=%s client_credentials=%.1f/s chip=%.1f/s ratio=%.2f"
                        + " reader simulator per token=%.0f us (wall, in the driver)%n",
                THREADS, MEASURE.toSeconds(), AA, cc, chipRate, chipRate / cc, readerMicros);
        System.exit(0);
    }

    private static double run(String name, IntSupplier call, Duration duration) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    (call.getAsInt() == 200 ? ok : failed).increment();
                }
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = ok.sum() / seconds;
        System.out.printf("%s: %d ok, %d failed in %.1f s = %.1f/s%n", name, ok.sum(), failed.sum(), seconds, rate);
        return rate;
    }
}
