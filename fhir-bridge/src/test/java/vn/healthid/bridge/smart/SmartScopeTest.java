package vn.healthid.bridge.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopeTest {

    private static Set<Interaction> parse(String letters) {
        EnumSet<Interaction> set = EnumSet.noneOf(Interaction.class);
        for (Interaction i : Interaction.values()) {
            if (letters.indexOf(i.letter()) >= 0) {
                set.add(i);
            }
        }
        return set;
    }

    @ParameterizedTest
    @CsvSource({
        "patient/Patient.r, PATIENT, Patient, r",
        "patient/Patient.rs, PATIENT, Patient, rs",
        "user/Coverage.cruds, USER, Coverage, cruds",
        "system/*.s, SYSTEM, *, s",
        "patient/Observation.cud, PATIENT, Observation, cud",
        "patient/*.read, PATIENT, *, rs",
        "user/Appointment.write, USER, Appointment, cud",
        "system/*.*, SYSTEM, *, cruds"
    })
    void parsesV2AndV1Scopes(String scope, ScopeContext context, String type, String letters) {
        assertThat(SmartScope.parse(scope)).contains(new SmartScope(context, type, parse(letters)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openid",
                "profile",
                "launch/patient",
                "fhirUser",
                "offline_access",
                "patient/Patient.sr",
                "patient/Patient.rr",
                "patient/Patient.",
                "patient/Patient.x",
                "clinic/Patient.r",
                "patient/patient.r",
                "patient/Observation.rs?category=laboratory"
            })
    void grantsNothingForOtherOrMalformedScopes(String scope) {
        assertThat(SmartScope.parse(scope)).isEmpty();
    }

    @Test
    void wildcardTypeGrantsEveryType() {
        GrantedScopes scopes = GrantedScopes.of(List.of("openid patient/*.rs"));

        assertThat(scopes.grants(ScopeContext.PATIENT, "Coverage", Interaction.SEARCH))
                .isTrue();
        assertThat(scopes.grants(ScopeContext.PATIENT, "Coverage", Interaction.CREATE))
                .isFalse();
        assertThat(scopes.grants(ScopeContext.SYSTEM, "Coverage", Interaction.READ))
                .isFalse();
    }

    @Test
    void readDoesNotImplySearchInV2() {
        GrantedScopes scopes = GrantedScopes.of(List.of("patient/Patient.r"));

        assertThat(scopes.grants(ScopeContext.PATIENT, "Patient", Interaction.READ))
                .isTrue();
        assertThat(scopes.grants(ScopeContext.PATIENT, "Patient", Interaction.SEARCH))
                .isFalse();
    }
}
