package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;

/** The trail on the shared Redis (127.0.0.1:6379), under a key prefix of its own. */
class AuditTrailOnRedisIT {

    private final String prefix = "healthid-test-" + UUID.randomUUID() + ":";
    private final JedisPool pool = new JedisPool("127.0.0.1", 6379);
    private final AuditTrail trail =
            new AuditTrail(new RedisEventStream(pool, new RedisKeys(prefix)), FhirHarness.properties("audit", true));

    @AfterEach
    void removeKeys() {
        try (Jedis jedis = pool.getResource()) {
            jedis.keys(prefix + "*").forEach(jedis::del);
        }
        pool.close();
    }

    @Test
    void entriesLandInTheSharedAndThePersonsStreamAndListNewestFirst() {
        for (int i = 0; i < 3; i++) {
            trail.record(entry("p" + "a".repeat(32), "read" + i));
        }
        trail.record(entry("p" + "b".repeat(32), "read-other"));

        List<StreamEntry> listed = trail.list("p" + "a".repeat(32), 0, 10).entries();

        assertThat(listed).extracting(e -> e.fields().get("subtype")).containsExactly("read2", "read1", "read0");
        try (Jedis jedis = pool.getResource()) {
            assertThat(jedis.xlen(prefix + "stream:audit")).isEqualTo(4);
            assertThat(jedis.xrange(prefix + "stream:audit", "-", "+")
                            .getFirst()
                            .getFields())
                    .containsEntry("v", "1")
                    .containsEntry("source", "fhir-bridge")
                    .containsEntry("patient", "p" + "a".repeat(32));
        }
    }

    @Test
    void pagesSkipAndCount() {
        for (int i = 0; i < 5; i++) {
            trail.record(entry("p" + "c".repeat(32), "read" + i));
        }

        AuditTrail.Page page = trail.list("p" + "c".repeat(32), 2, 2);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).extracting(e -> e.fields().get("subtype")).containsExactly("read2", "read1");
    }

    private static AuditEntry entry(String patient, String subtype) {
        return new AuditEntry(
                Instant.now(),
                "fhir-bridge",
                "rest",
                subtype,
                "R",
                "0",
                "clinic-reception",
                "service-account-clinic-reception",
                patient,
                "Patient/" + patient,
                "TREAT",
                null);
    }
}
