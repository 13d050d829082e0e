package vn.healthid.identity.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.service.ChipSettings;

class PatientIdsTest {

    private final PatientIds ids = new PatientIds(ChipSettings.SANDBOX_PATIENT_ID_KEY);

    @Test
    void derivesTheSharedSchemeValue() {
        // Vector computed independently (Python hmac + base64.b32encode) from docs/patient-id.md.
        assertThat(ids.forNationalId("079190001234")).isEqualTo("pdmrgm3pekngcr5mphwfsxxvt22t6pshq");
    }

    @Test
    void neverContainsTheNationalId() {
        assertThat(ids.forNationalId("079190001234"))
                .doesNotContain("079190001234")
                .hasSize(33);
    }
}
