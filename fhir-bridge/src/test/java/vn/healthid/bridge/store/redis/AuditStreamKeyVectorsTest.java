package vn.healthid.bridge.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.healthid.bridge.audit.AuditProperties;

/**
 * The audit stream keys the bridge reads are the ones the Keycloak extension writes: both sides
 * test docs/contracts/audit-stream-key-vectors.csv (identity-spi's AuditStreamKeyVectorsTest).
 */
class AuditStreamKeyVectorsTest {

    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/audit-stream-key-vectors.csv", numLinesToSkip = 1)
    void streamKeysAreTheSharedVectors(
            String keyPrefix, String stream, String patientId, String sharedKey, String patientKey) {
        RedisKeys keys = new RedisKeys(keyPrefix);
        AuditProperties audit = new AuditProperties(true, stream, "X-Purpose-Of-Use", 20, 100, 5000);

        assertThat(keys.stream(audit.stream())).isEqualTo(sharedKey);
        assertThat(keys.stream(audit.patientStream(patientId))).isEqualTo(patientKey);
    }
}
