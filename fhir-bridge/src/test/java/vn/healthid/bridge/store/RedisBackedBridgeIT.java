package vn.healthid.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

/** With {@code healthid.store.redis-url} set, the bridge keeps Patients in Redis. */
class RedisBackedBridgeIT extends BridgeIntegrationTest {

    private static final String PREFIX = "healthid-test:" + UUID.randomUUID() + ":";
    private static final String NUMBER = "079090005555";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("healthid.store.redis-url", () -> "redis://127.0.0.1:6379");
        registry.add("healthid.store.key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void removeThisRunsKeys() {
        try (JedisPool pool = new JedisPool("127.0.0.1", 6379);
                Jedis jedis = pool.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(PREFIX + "*"));
                page.getResult().forEach(jedis::del);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    @Test
    void citizensPatientIsStoredInRedisUnderItsOpaqueId() {
        String id = TokenBuilder.patientIdOf(NUMBER);
        String token = ISSUER.token().citizen(NUMBER).scope("patient/Patient.r").sign();

        assertThat(get("/fhir/Patient/" + id, token).statusCode()).isEqualTo(200);
        try (JedisPool pool = new JedisPool("127.0.0.1", 6379);
                Jedis jedis = pool.getResource()) {
            assertThat(jedis.hget(PREFIX + "doc:Patient:" + id, "v")).isEqualTo("1");
        }
    }

    @Test
    void readinessChecksRedis() {
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
    }
}
