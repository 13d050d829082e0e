package vn.healthid.bridge.telehealth.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.telehealth.Fixture;

class CallerFactoryTest {

    private final CallerFactory factory = new CallerFactory(Fixture.ACR_LEVELS);

    @Test
    void readsACitizenWithTheLevelOfTheirAcr() {
        Caller caller =
                factory.from(token("Patient/p1", "urn:vn:healthid:acr:vneid-2", "openid patient/Appointment.cruds"));

        assertThat(caller.kind()).isEqualTo(Caller.Kind.PATIENT);
        assertThat(caller.id()).isEqualTo("p1");
        assertThat(caller.loa()).isEqualTo(2);
        assertThat(caller.scopes()).contains("patient/Appointment.cruds");
    }

    @Test
    void readsAPractitionerAndASystemClient() {
        assertThat(factory.from(token("Practitioner/d1", "urn:vn:healthid:acr:chip-aa", "user/Appointment.*")))
                .extracting(Caller::kind, Caller::id, Caller::loa)
                .containsExactly(Caller.Kind.PRACTITIONER, "d1", 3);
        assertThat(factory.from(token(null, null, "system/Appointment.r")).kind())
                .isEqualTo(Caller.Kind.SYSTEM);
    }

    @Test
    void anUnknownAcrCountsAsLevelZero() {
        assertThat(factory.from(token("Patient/p1", "urn:other:acr", "patient/Appointment.r"))
                        .loa())
                .isZero();
    }

    @ParameterizedTest
    @CsvSource({"Organization/o1", "Patient/../x/y", "Practitioner/"})
    void refusesAFhirUserThatIsNotAPatientOrPractitionerId(String fhirUser) {
        assertThatThrownBy(() -> factory.from(token(fhirUser, null, "patient/Appointment.r")))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_CLAIM_INVALID));
    }

    @ParameterizedTest
    @CsvSource({
        "patient/Appointment.cruds, r, true",
        "patient/Appointment.rs, u, false",
        "patient/Appointment.read, s, true",
        "patient/Appointment.read, c, false",
        "patient/Appointment.write, u, true",
        "patient/*.*, c, true",
        "patient/Appointment.*, d, true",
        "user/Appointment.cruds, u, true",
        "system/Appointment.cruds, u, false",
        "patient/Observation.cruds, r, false",
        "patient/Appointment.rs?status=booked, r, false",
        "patient/Appointment.sr, r, false"
    })
    void grantsAPatientOnlyWhatItsScopesSay(String scope, char permission, boolean granted) {
        assertThat(SmartScopes.grants(Set.of(scope), Caller.Kind.PATIENT.scopeContexts(), permission))
                .isEqualTo(granted);
    }

    private static Jwt token(String fhirUser, String acr, String scope) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").claim("azp", "telehealth-app");
        if (fhirUser != null) {
            builder.claim("fhirUser", fhirUser);
        }
        if (acr != null) {
            builder.claim("acr", acr);
        }
        return builder.claim("scope", scope).build();
    }
}
