package vn.healthid.identity.keycloak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The listener writes the stream keys the bridge reads: both sides test
 * docs/contracts/audit-stream-key-vectors.csv (fhir-bridge's AuditStreamKeyVectorsTest).
 */
class AuditStreamKeyVectorsTest {

    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/audit-stream-key-vectors.csv", numLinesToSkip = 1)
    void streamKeysAreTheSharedVectors(
            String keyPrefix, String stream, String patientId, String sharedKey, String patientKey) {
        // where Redis is plays no part in the key layout
        var config = new AuditListenerConfig(true, null, sharedKey, AuditListenerConfig.DEFAULT_REALM, Set.of("LOGIN"));

        assertThat(config.patientStreamKey(patientId)).isEqualTo(patientKey);
        if ("healthid:".equals(keyPrefix) && "audit".equals(stream)) {
            // the bridge's default key prefix and stream name
            assertThat(AuditListenerConfig.DEFAULT_STREAM_KEY).isEqualTo(sharedKey);
        }
    }
}
