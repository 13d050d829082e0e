package vn.healthid.bridge.coverage.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;

class HistoryScopeTest {

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
    void encounterSearchInTheCallersContextGrantsTheHistory(String caller, String scope, boolean granted) {
        var token = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .claim("scope", "openid " + scope);
        if (caller.equals("citizen")) {
            token.claim("fhirUser", "Patient/p1");
        }
        assertThat(new HistoryScope().test(token.build())).isEqualTo(granted);
    }
}
