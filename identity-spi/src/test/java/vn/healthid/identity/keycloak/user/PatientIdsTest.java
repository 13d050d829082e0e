package vn.healthid.identity.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.healthid.identity.keycloak.service.ChipSettings;

class PatientIdsTest {

    private final PatientIds ids = new PatientIds(ChipSettings.SANDBOX_PATIENT_ID_KEY);

    /** The one table of vectors both modules test against (docs/patient-id.md), computed with Python's hmac. */
    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/patient-id-vectors.csv", numLinesToSkip = 1)
    void matchesTheSharedKnownAnswerVectors(String number, String expected) {
        assertThat(ids.forNationalId(number)).isEqualTo(expected);
    }

    @Test
    void neverContainsTheNationalId() {
        assertThat(ids.forNationalId("079190001234"))
                .doesNotContain("079190001234")
                .hasSize(33);
    }

    @Test
    void refusesKeysShorterThan32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new PatientIds(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
