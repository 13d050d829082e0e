package vn.healthid.sandbox.stack.cluster;

import static vn.healthid.sandbox.stack.cluster.ClusterChecks.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;
import vn.healthid.sandbox.stack.Realm;
import vn.healthid.sandbox.stack.Sandbox;

/** Processes die or restart under the checks; each check restarts what it killed before it returns. */
final class FaultChecks {

    /** How long the bridges may take to serve reads again after the Redis primary dies (Sentinel: 1.5 s down-after). */
    static final long REDIS_RECOVERY_BOUND_MS = 30_000;
    /** How long logins may take to resume after PostgreSQL restarts. */
    static final long POSTGRES_RECOVERY_BOUND_MS = 60_000;

    private final Cluster cluster;
    private final ClusterEnv env;

    FaultChecks(Cluster cluster) {
        this.cluster = cluster;
        this.env = cluster.env();
    }

    /** card 10: the browser and the phone on node A, A dies, the browser finishes on node B. */
    String keycloakNodeKilledMidQrLogin() {
        Card card = env.card(10);
        String a = env.node(0);
        String b = env.node(1);
        QrLogin login = QrLogin.start(env, a);
        login.phone(a, card.bundleJson(login.challenge()), Addresses.of(ConcurrencyChecks.CHECK_FAULTS, 200))
                .expect(202, "phone posts on A");
        cluster.kill("keycloak-1");
        String user;
        try {
            user = Realm.claims(login.exchange(b, login.finish(b))
                            .path("access_token")
                            .asText())
                    .path("fhirUser")
                    .asText();
        } finally {
            long restart = System.nanoTime();
            cluster.restart("keycloak-1");
            System.out.printf("     keycloak-1 back after %.0f s%n", (System.nanoTime() - restart) / 1e9);
        }
        expect(user.startsWith("Patient/"), "the login finished as " + user);
        return "page and phone on A, A killed (kill -9), the browser finished on B and B issued the token (" + user
                + ")";
    }

    /**
     * card 8: reads of the citizen's Patient through the balancer from 4 threads; bridge-1 is killed after 30. The
     * balancer's other replica answers; every read that got 200 has its entry in the citizen's audit stream.
     */
    String bridgeKilledUnderLoad() {
        Reader reader = new Reader();
        long before = reader.auditEntries();
        int total = 160;
        AtomicInteger sent = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Thread killer = Thread.ofVirtual().unstarted(() -> cluster.kill("bridge-1"));
        Parallel.run(4, t -> {
            while (sent.incrementAndGet() <= total) {
                if (sent.get() == 30) {
                    killer.start();
                }
                statuses.computeIfAbsent(reader.read(env.bridge()), s -> new AtomicInteger())
                        .incrementAndGet();
            }
            return null;
        });
        try {
            killer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long entries = reader.auditEntries() - before;
        cluster.restart("bridge-1");
        Map<Integer, Integer> answers = new TreeMap<>();
        statuses.forEach((s, n) -> answers.put(s, n.get()));
        int completed = answers.getOrDefault(200, 0);
        int failed = total - completed;
        expect(
                failed <= 4 && entries >= completed,
                "answers " + answers + ", new audit entries " + entries + " for " + completed + " completed reads");
        return total + " reads, bridge-1 killed after 30: answers " + answers + "; " + entries
                + " new audit entries for " + completed + " completed reads";
    }

    /**
     * card 8: an acknowledged read (its audit entry written and confirmed by a replica), then the Redis primary is
     * killed. Sentinel promotes the replica; meanwhile reads fail closed (503); each bridge serves reads again within
     * {@link #REDIS_RECOVERY_BOUND_MS}; the acknowledged entry is on the new primary.
     */
    String redisPrimaryKilled() {
        Reader reader = new Reader();
        expect(reader.read(env.bridge()) == 200, "the read before the failover was refused");
        String acknowledged = reader.lastAuditEntry();
        String primary = cluster.redisPrimary();
        String primaryName = cluster.redisName(primary);
        long killed = System.nanoTime();
        cluster.kill(primaryName);
        long promoted = -1;
        long[] served = new long[env.bridgeNodes().size()];
        Map<Integer, Integer> meanwhile = new TreeMap<>();
        while (elapsedMs(killed) < REDIS_RECOVERY_BOUND_MS
                && (promoted < 0 || Arrays.stream(served).anyMatch(ms -> ms == 0))) {
            if (promoted < 0 && !primary.equals(primaryOrEmpty())) {
                promoted = elapsedMs(killed);
                cluster.restart(primaryName); // back as a replica of the promoted one: WAIT has a replica again
            }
            for (int i = 0; i < served.length; i++) {
                if (served[i] <= 0) {
                    int status = reader.read(env.bridgeNode(i));
                    if (status == 200) {
                        served[i] = Math.max(1, elapsedMs(killed));
                    } else {
                        meanwhile.merge(status, 1, Integer::sum);
                    }
                }
            }
            sleep(200);
        }
        for (int i = 0; i < served.length; i++) {
            if (served[i] == 0) {
                served[i] = -1;
            }
        }
        boolean survived =
                !((List<?>) cluster.redis("XRANGE", reader.streamKey(), acknowledged, acknowledged)).isEmpty();
        String detail =
                "primary " + primaryName + " killed; promoted after " + promoted + " ms; reads served again after "
                        + Arrays.toString(served) + " ms (per replica); meanwhile " + meanwhile
                        + "; acknowledged entry " + (survived ? "present" : "LOST") + " on " + cluster.redisPrimary();
        expect(promoted >= 0 && min(served) > 0 && Set.of(503).containsAll(meanwhile.keySet()) && survived, detail);
        return detail;
    }

    /** PostgreSQL restarts under both nodes; chip logins resume on each within {@link #POSTGRES_RECOVERY_BOUND_MS}. */
    String postgresRestarted() {
        Card card = env.card(10);
        long started = System.nanoTime();
        cluster.restart("postgres");
        long restarted = elapsedMs(started);
        List<String> resumed = new ArrayList<>();
        Chip chip = Chip.rotating(ConcurrencyChecks.CHECK_FAULTS); // a retry loop: a new address every few tries
        for (String node : env.keycloakNodes()) {
            String outcome = "";
            while (elapsedMs(started) < POSTGRES_RECOVERY_BOUND_MS) {
                try {
                    outcome = Chip.outcome(chip.login(node, card));
                } catch (DemoFailure e) {
                    outcome = e.getMessage();
                }
                if (outcome.equals("issued")) {
                    break;
                }
                sleep(500);
            }
            expect(outcome.equals("issued"), node + " after the restart: " + outcome);
            resumed.add(elapsedMs(started) + " ms");
        }
        return "PostgreSQL restarted in " + restarted + " ms; chip logins issued again after " + resumed
                + " (node by node)";
    }

    private String primaryOrEmpty() {
        try {
            return cluster.redisPrimary();
        } catch (DemoFailure e) {
            return "";
        }
    }

    private static long min(long[] values) {
        long min = Long.MAX_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The citizen of card 8 reading their Patient at the bridge, as the clinic's desk does. */
    private final class Reader {
        private final String token;
        private final String clerk;
        private final String patient;

        Reader() {
            JsonNode tokens = Chip.from("127.0.0.1") // through the balancer: it overwrites the address
                    .login(env.keycloak(), env.card(8))
                    .expect(200, "citizen token")
                    .json();
            token = tokens.path("access_token").asText();
            patient = Realm.claims(token).path("fhirUser").asText();
            clerk = new Realm(env.keycloak())
                    .passwordToken(
                            new Http(),
                            Sandbox.CLINIC,
                            Sandbox.CLINIC_SECRET,
                            Sandbox.CLERK,
                            Sandbox.CLERK_PASSWORD,
                            "openid profile")
                    .path("access_token")
                    .asText();
        }

        int read(String bridge) {
            try {
                return new Http()
                        .get(
                                bridge + "/fhir/" + patient,
                                "Authorization",
                                "Bearer " + token,
                                "X-Staff-Token",
                                clerk,
                                "Accept",
                                "application/fhir+json")
                        .status();
            } catch (DemoFailure e) {
                return 0; // no answer at all
            }
        }

        /** The citizen's own audit stream (fhir-bridge AuditProperties: audit:patient:<id>). */
        String streamKey() {
            return "healthid:stream:audit:patient:" + patient.substring(patient.indexOf('/') + 1);
        }

        long auditEntries() {
            return (Long) cluster.redis("XLEN", streamKey());
        }

        String lastAuditEntry() {
            List<?> last = (List<?>) cluster.redis("XREVRANGE", streamKey(), "+", "-", "COUNT", "1");
            if (last.isEmpty()) {
                throw new DemoFailure("the read left no audit entry");
            }
            return (String) ((List<?>) last.get(0)).get(0);
        }
    }
}
