package vn.healthid.sandbox.stack.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.healthid.sandbox.stack.DemoFailure;

/**
 * {@code bin/healthid cluster test}: the checks of docs/cluster.md against the running cluster, in order (the fault
 * checks last: they kill and restart processes). Prints one line per check and {@code cluster: N passed, M failed};
 * exit code 0 when all passed. {@code --only a,b} runs some checks by name.
 */
public final class ClusterChecks {

    private ClusterChecks() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--env") || !options.containsKey("--control")) {
            System.err.println("usage: ClusterChecks --env cluster.env --control bin/healthid [--only name,name]");
            System.exit(2);
        }
        Cluster cluster =
                new Cluster(ClusterEnv.read(Path.of(options.get("--env"))), Path.of(options.get("--control")));
        Set<String> only =
                options.containsKey("--only") ? Set.of(options.get("--only").split(",")) : Set.of();

        Map<String, Supplier<String>> checks = new LinkedHashMap<>();
        ConcurrencyChecks concurrency = new ConcurrencyChecks(cluster);
        BridgeChecks bridges = new BridgeChecks(cluster);
        FaultChecks faults = new FaultChecks(cluster);
        checks.put("view", concurrency::clusterFormed);
        checks.put("challenge-across-nodes", concurrency::challengeAcrossNodes);
        checks.put("replay", concurrency::replayRefusedOnEitherNode);
        checks.put("simultaneous-redemption", concurrency::simultaneousRedemptionsGiveOneToken);
        checks.put("qr-across-nodes", concurrency::qrLoginAcrossNodes);
        checks.put("phone-race", concurrency::twoPhonesOneWinner);
        checks.put("rate-limit-exact", concurrency::rateLimitExactAcrossNodes);
        checks.put("lockout-below", concurrency::belowThresholdStaysOpen);
        checks.put("lockout-exact", concurrency::thresholdInParallelLocks);
        checks.put("lockout-other-address", concurrency::genuineCardFromAnotherAddress);
        checks.put("lockout-sequential", concurrency::sequentialFailuresLock);
        checks.put("first-login", concurrency::parallelFirstLoginsMakeOneUser);
        checks.put("join-ticket", bridges::joinTicketOnceAcrossBridges);
        checks.put("single-flight", bridges::identicalChecksMakeOneGatewayCall);
        checks.put("fault-keycloak", faults::keycloakNodeKilledMidQrLogin);
        checks.put("fault-bridge", faults::bridgeKilledUnderLoad);
        checks.put("fault-redis", faults::redisPrimaryKilled);
        checks.put("fault-postgres", faults::postgresRestarted);

        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (var check : checks.entrySet()) {
            if (!only.isEmpty() && !only.contains(check.getKey())) {
                continue;
            }
            long started = System.nanoTime();
            try {
                String detail = check.getValue().get();
                passed++;
                System.out.printf("PASS %s (%.1fs): %s%n", check.getKey(), seconds(started), detail);
            } catch (DemoFailure | IllegalStateException e) {
                failed.add(check.getKey());
                System.out.printf("FAIL %s (%.1fs): %s%n", check.getKey(), seconds(started), e.getMessage());
            }
            System.out.flush();
        }
        System.out.println("cluster: " + passed + " passed, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : " " + failed));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The check's verdict: throws with the observed values when the expectation does not hold. */
    static void expect(boolean holds, String observed) {
        if (!holds) {
            throw new DemoFailure(observed);
        }
    }
}
