package vn.healthid.identity.keycloak.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChipGrantScopesTest {

    @Test
    void leavesOutSystemAndUserScopesAndKeepsPatientScopesOpenidAndProfile() {
        String requested = "openid profile system/Patient.rs user/Appointment.cruds patient/Patient.rs email";

        assertThat(ChipGrantScopes.issuable(requested)).isEqualTo("openid profile patient/Patient.rs");
        assertThat(ChipGrantScopes.leftOut(requested))
                .containsExactly("system/Patient.rs", "user/Appointment.cruds", "email");
    }

    @Test
    void refusesLookAlikesOfPatientScopes() {
        assertThat(ChipGrantScopes.allowed("patient/Patient.rs")).isTrue();
        assertThat(ChipGrantScopes.allowed("system/patient/Patient.rs")).isFalse();
        assertThat(ChipGrantScopes.allowed("Patient/Patient.rs")).isFalse();
        assertThat(ChipGrantScopes.allowed("openid2")).isFalse();
    }

    @Test
    void noScopeGivesNoScope() {
        assertThat(ChipGrantScopes.issuable(null)).isEmpty();
        assertThat(ChipGrantScopes.issuable("  ")).isEmpty();
    }
}
