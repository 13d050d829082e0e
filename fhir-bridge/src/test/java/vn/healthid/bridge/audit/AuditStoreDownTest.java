package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.bridge.audit.Tokens.NATIONAL_ID_A;
import static vn.healthid.bridge.audit.Tokens.PATIENT_A;
import static vn.healthid.bridge.audit.Tokens.PATIENT_B;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import vn.healthid.bridge.store.redis.RedisEventStream;
import vn.healthid.bridge.store.redis.RedisKeys;

/** The audit stream points at a closed port (the shared Redis keeps running). */
class AuditStoreDownTest {

    private final Clock clock = Clock.systemUTC();
    private final JedisPool deadPool = new JedisPool(new JedisPoolConfig(), "127.0.0.1", closedPort(), 300);
    private final RedisEventStream deadStream = new RedisEventStream(deadPool, new RedisKeys("healthid-test:"));

    @AfterEach
    void closePool() {
        deadPool.close();
    }

    @Test
    void readOfPersonalDataFailsClosedWithAuditUnavailable() throws Exception {
        FhirHarness fhir = harness(true);

        FhirHarness.Response response = fhir.get("/Patient/" + PATIENT_A, citizenA());

        assertThat(response.status()).isEqualTo(503);
        OperationOutcome outcome = (OperationOutcome) response.resource();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isEqualTo("AUDIT_UNAVAILABLE");
        assertThat(response.body()).doesNotContain(NATIONAL_ID_A).doesNotContain("\"Patient\"");
        assertThat(fhir.lostEntries()).isEqualTo(1);
    }

    @Test
    void searchFailsClosedToo() throws Exception {
        FhirHarness fhir = harness(true);

        FhirHarness.Response response = fhir.get("/Patient?_id=" + PATIENT_A, citizenA());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("AUDIT_UNAVAILABLE").doesNotContain(NATIONAL_ID_A);
    }

    @Test
    void denialStaysADenialWhenItCannotBeRecorded() throws Exception {
        FhirHarness fhir = harness(true);

        FhirHarness.Response response = fhir.get("/Patient/" + PATIENT_B, citizenA());

        assertThat(response.status()).isEqualTo(403);
        assertThat(fhir.lostEntries()).isEqualTo(1);
    }

    @Test
    void failOpenWhenConfiguredServesTheRead() throws Exception {
        FhirHarness fhir = harness(false);

        FhirHarness.Response response = fhir.get("/Patient/" + PATIENT_A, citizenA());

        assertThat(response.status()).isEqualTo(200);
        assertThat(fhir.lostEntries()).isEqualTo(1);
    }

    private FhirHarness harness(boolean failClosed) throws Exception {
        return FhirHarness.patients(deadStream, failClosed, clock);
    }

    private static org.springframework.security.oauth2.jwt.Jwt citizenA() {
        return Tokens.citizen(NATIONAL_ID_A, "citizen-portal", "patient/Patient.rs");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
