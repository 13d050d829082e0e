package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.smart.Interaction;
import vn.healthid.bridge.testsupport.Callers;

/** The one scope model asked through the Caller (the history's Encounter search, ex HistoryScopeTest). */
class CallerScopesTest {

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource({
        "citizen, patient/Encounter.rs, true",
        "citizen, user/Encounter.read, true",
        "citizen, patient/Encounter.r, false",
        "citizen, patient/Coverage.rs, false",
        "citizen, system/Encounter.rs, false",
        "clinic, system/Encounter.rs, true",
        "clinic, user/Encounter.s, true",
        "clinic, patient/Encounter.rs, false"
    })
    void anEncounterSearchIsGrantedOnlyInTheCallersContext(String caller, String scope, boolean granted) {
        var token = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .claim("azp", "clinic-reception")
                .claim("scope", "openid " + scope);
        if (caller.equals("citizen")) {
            token.claim("fhirUser", "Patient/p1");
        }
        assertThat(Callers.of(token.build()).may(Interaction.SEARCH, "Encounter"))
                .isEqualTo(granted);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Patient/p1, CITIZEN",
        "Practitioner/d1, PRACTITIONER",
        ", SYSTEM",
    })
    void theKindComesFromFhirUserOnly(String fhirUser, Caller.Kind kind) {
        var token =
                Jwt.withTokenValue("t").header("alg", "RS256").claim("azp", "x").claim("sub", "s");
        if (fhirUser != null) {
            token.claim("fhirUser", fhirUser);
        }
        assertThat(Callers.of(token.build()).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"RelatedPerson/r1", "Patient/(bad)", "Practitioner/"})
    void refusesAFhirUserThatIsNotAPatientOrPractitionerId(String fhirUser) {
        var token = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(c -> c.putAll(Map.of("fhirUser", fhirUser)))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Callers.of(token))
                .isInstanceOf(org.springframework.security.oauth2.core.OAuth2AuthenticationException.class);
    }
}
