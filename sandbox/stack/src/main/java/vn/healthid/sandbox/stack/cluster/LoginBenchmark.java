package vn.healthid.sandbox.stack.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;

/**
 * {@code bin/healthid cluster bench}: chip-login latency (the token request of the clinic's back channel, on one
 * node) with 1,000 citizens in the realm, then with {@code --citizens} (default 1,000,000) loaded by COPY, back to
 * back in one run; three rounds per size; the ratio of the medians. Also how long the load took, the tables' sizes and
 * PostgreSQL's plan and time for the two ways of finding a citizen. Figures go to docs/benchmarks.md.
 */
public final class LoginBenchmark {

    private static final int SMALL = 1_000;
    private static final int ROUNDS = 3;
    private static final int LOGINS_PER_ROUND = 200;
    private static final int WARMUP = 50;
    /**
     * One login (a challenge and a grant of the clinic client) at most every 105 ms: below the per-client rate limits
     * the cluster starts with (600 challenges and 600 grants per 60 s, bin/lib/cluster.sh), so the benchmark measures
     * logins, not the limiter. The clock runs only around the grant.
     */
    private static final long LOGIN_SPACING_NANOS = 105_000_000L;

    private LoginBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ClusterEnv env = ClusterEnv.read(Path.of(options.get("--env")));
        long large = Long.parseLong(options.getOrDefault("--citizens", "1000000"));
        Psql psql = new Psql(env.postgres());
        CitizenLoader loader = new CitizenLoader(psql);
        String node = env.node(0);
        List<Card> cards = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            cards.add(env.card(n));
        }

        if (loader.loaded() != SMALL) {
            loader.clear();
            loader.load(0, SMALL);
        }
        System.out.println("bench: " + SMALL + " citizens loaded; node " + node);
        long eventsBefore = Long.parseLong(psql.query("select count(*) from event_entity"));
        long eventBytesBefore = Long.parseLong(psql.query("select pg_total_relation_size('event_entity')"));
        double[][] small = measure(node, cards, "1k");
        long events = Long.parseLong(psql.query("select count(*) from event_entity")) - eventsBefore;
        long eventBytes =
                Long.parseLong(psql.query("select pg_total_relation_size('event_entity')")) - eventBytesBefore;
        int logins = WARMUP + ROUNDS * LOGINS_PER_ROUND;
        System.out.printf(
                "bench: Keycloak events stored: %d for %d chip logins (%.2f per login), %d bytes per event%n",
                events, logins, (double) events / logins, events == 0 ? 0 : eventBytes / events);
        String smallSizes = sizes(psql);

        long started = System.nanoTime();
        loader.load(SMALL, large);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "bench: loaded %,d more citizens by COPY in %.0f s (%.0f per second)%n",
                large - SMALL, loadSeconds, (large - SMALL) / loadSeconds);
        double[][] big = measure(node, cards, Long.toString(large));
        String bigSizes = sizes(psql);

        double smallP50 = median(small[0]);
        double bigP50 = median(big[0]);
        double smallP99 = median(small[1]);
        double bigP99 = median(big[1]);
        System.out.printf(
                "bench: median of rounds, %d citizens: p50 %.1f ms, p99 %.1f ms%n", SMALL, smallP50, smallP99);
        System.out.printf("bench: median of rounds, %,d citizens: p50 %.1f ms, p99 %.1f ms%n", large, bigP50, bigP99);
        System.out.printf(
                "bench: ratio %,d / %d citizens: p50 %.2f, p99 %.2f%n",
                large, SMALL, bigP50 / smallP50, bigP99 / smallP99);
        System.out.println("bench: table sizes at " + SMALL + ": " + smallSizes);
        System.out.println("bench: table sizes at " + large + ": " + bigSizes);
        lookups(psql, large);
    }

    /** {p50 per round, p99 per round} in ms. */
    private static double[][] measure(String node, List<Card> cards, String label) {
        Chip chip = Chip.rotating(250); // a new source address every few logins: the per-address rate limits
        Pace pace = new Pace(LOGIN_SPACING_NANOS);
        for (int i = 0; i < WARMUP; i++) {
            pace.await();
            chip.login(node, cards.get(i % cards.size())).expect(200, "warm-up login");
        }
        double[][] result = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            double[] ms = new double[LOGINS_PER_ROUND];
            for (int i = 0; i < LOGINS_PER_ROUND; i++) {
                pace.await();
                Card card = cards.get(i % cards.size());
                String bundle = card.bundleJson(chip.challenge(node));
                long t = System.nanoTime();
                Http.Response response = chip.redeem(node, bundle);
                ms[i] = (System.nanoTime() - t) / 1e6;
                response.expect(200, "login");
            }
            Arrays.sort(ms);
            result[0][round] = ms[ms.length / 2];
            result[1][round] = ms[(int) Math.ceil(ms.length * 0.99) - 1];
            System.out.printf(
                    "bench: %s citizens, round %d: %d logins, p50 %.1f ms, p99 %.1f ms%n",
                    label, round + 1, LOGINS_PER_ROUND, result[0][round], result[1][round]);
        }
        return result;
    }

    private static String sizes(Psql psql) {
        return psql.query("select string_agg(t || ' ' || pg_size_pretty(pg_total_relation_size(t)), ', ') from"
                        + " unnest(array['user_entity', 'user_attribute', 'user_role_mapping', 'event_entity']) t")
                + "; users " + psql.query("select count(*) from user_entity");
    }

    /** The two ways of finding a citizen, as PostgreSQL runs them at this size. */
    private static void lookups(Psql psql, long large) {
        String nationalId = CitizenLoader.nationalId(large - 7);
        String username = psql.query("select u.username from user_entity u join user_attribute a on a.user_id = u.id"
                + " where a.name = 'national_id' and a.value = '" + nationalId + "'");
        String byAttribute = "select u.id from user_entity u join user_attribute a on a.user_id = u.id"
                + " where u.realm_id = (select id from realm where name = 'health')"
                + " and a.name = 'national_id' and a.value = '" + nationalId + "'";
        String byUsername = "select u.id from user_entity u where u.realm_id = (select id from realm where name ="
                + " 'health') and u.username = '" + username + "'";
        for (String[] query : new String[][] {{"by national_id attribute", byAttribute}, {"by username", byUsername}}) {
            System.out.println("bench: lookup " + query[0] + ":");
            for (String line : psql.query("explain (analyze, buffers, costs off) " + query[1])
                    .split("\n")) {
                System.out.println("bench:   " + line);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Starts of successive logins at least {@code spacing} apart. */
    private static final class Pace {
        private final long spacing;
        private long next = System.nanoTime();

        Pace(long spacing) {
            this.spacing = spacing;
        }

        void await() {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoFailure("interrupted");
                }
            }
            next = Math.max(next, System.nanoTime()) + spacing;
        }
    }
}
