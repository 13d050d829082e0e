package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_A;
import static vn.healthid.bridge.audit.Tokens.PATIENT_A;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import vn.healthid.bridge.store.NotReplicatedException;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.testsupport.RedisProcesses;
import vn.healthid.bridge.testsupport.RedisProcesses.Server;

/**
 * Audit writes with a replica's acknowledgement ({@code healthid.store.audit-replica-acks}):
 * against a real primary and a real replica ({@code redis-server --replicaof}), an entry is
 * released only once the replica holds it; without the replica the read is withheld with 503
 * {@code AUDIT_NOT_REPLICATED}.
 */
class AuditReplicaAckIT {

    private final RedisProcesses redis = new RedisProcesses();
    private final Clock clock = Clock.systemUTC();
    private final RedisKeys keys = new RedisKeys("healthid-it:" + UUID.randomUUID() + ":");
    private Server primary;
    private JedisPool pool;

    @BeforeEach
    void startPrimary() {
        primary = redis.server(0);
        pool = new JedisPool("127.0.0.1", primary.port());
    }

    @AfterEach
    void stop() {
        pool.close();
        redis.close();
    }

    @Test
    void anAcknowledgedEntryIsOnTheReplicaWhenAppendReturns() {
        Server replica = redis.server(primary.port());
        var stream = new RedisEventStream(pool, keys, 1, Duration.ofSeconds(2));

        String id = stream.append("audit", Map.of("action", "R"));

        try (Jedis onReplica = new Jedis("127.0.0.1", replica.port())) {
            assertThat(onReplica.xrange(keys.prefix() + "stream:audit", "-", "+"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getID().toString()).isEqualTo(id));
        }
    }

    @Test
    void anEntryNoReplicaAcknowledgesIsNotReportedWritten() {
        var stream = new RedisEventStream(pool, keys, 1, Duration.ofMillis(200));

        assertThatThrownBy(() -> stream.append("audit", Map.of("action", "R")))
                .isInstanceOf(NotReplicatedException.class);
        assertThatThrownBy(() -> stream.appendToEach(List.of("audit:patient:p", "audit"), Map.of("action", "R")))
                .isInstanceOf(NotReplicatedException.class);
    }

    @Test
    void aReadWhoseEntryNoReplicaAcknowledgedIsWithheldWith503() throws Exception {
        var stream = new RedisEventStream(pool, keys, 1, Duration.ofMillis(200));
        FhirHarness fhir = harness(stream);

        FhirHarness.Response response = fhir.get(
                "/Patient/" + PATIENT_A, Tokens.citizen(NATIONAL_ID_A, "citizen-portal", "patient/Patient.rs"));

        assertThat(response.status()).isEqualTo(503);
        OperationOutcome outcome = (OperationOutcome) response.resource();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isEqualTo("AUDIT_NOT_REPLICATED");
        assertThat(response.body()).doesNotContain(NATIONAL_ID_A).doesNotContain("\"Patient\"");
    }

    @Test
    void theSameReadIsServedOnceTheReplicaAcknowledges() throws Exception {
        redis.server(primary.port());
        FhirHarness fhir = harness(new RedisEventStream(pool, keys, 1, Duration.ofSeconds(2)));

        FhirHarness.Response response = fhir.get(
                "/Patient/" + PATIENT_A, Tokens.citizen(NATIONAL_ID_A, "citizen-portal", "patient/Patient.rs"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fhir.lostEntries()).isZero();
    }

    private FhirHarness harness(RedisEventStream stream) throws Exception {
        return FhirHarness.patients(stream, true, clock);
    }
}
