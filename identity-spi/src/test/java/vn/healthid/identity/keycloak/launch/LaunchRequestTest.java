package vn.healthid.identity.keycloak.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchRequestTest {

    private static final String PATIENT = "p3dtsdzq3bpkqx5kybooxm5wwqyixaqc4";
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void acceptsReferencesOrBareIdsAndDefaultsToTheLongestLifespan() {
        assertThat(LaunchRequest.parse(
                        body("client_id", "app", "patient", "Patient/" + PATIENT, "encounter", "Encounter/e-1"),
                        LONGEST))
                .contains(new LaunchRequest("app", PATIENT, "e-1", LONGEST));
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT), LONGEST))
                .contains(new LaunchRequest("app", PATIENT, null, LONGEST));
    }

    @Test
    void aClinicMayAskForAShorterLifespanButNeverALongerOne() {
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT, "expires_in", 30), LONGEST)
                        .orElseThrow()
                        .lifespan())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT, "expires_in", 86400), LONGEST)
                        .orElseThrow()
                        .lifespan())
                .isEqualTo(LONGEST);
    }

    @Test
    void refusesAnIdentityNumberOrAnythingThatIsNotAPatientId() {
        for (Object patient : new Object[] {"079090001234", "Patient/../x", "", 42, PATIENT.toUpperCase()}) {
            assertThat(LaunchRequest.parse(body("client_id", "app", "patient", patient), LONGEST))
                    .as(String.valueOf(patient))
                    .isEmpty();
        }
    }

    @Test
    void refusesMissingOrMalformedFields() {
        assertThat(LaunchRequest.parse(body("patient", PATIENT), LONGEST)).isEmpty();
        assertThat(LaunchRequest.parse(body("client_id", "a b", "patient", PATIENT), LONGEST))
                .isEmpty();
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT, "encounter", "a/b"), LONGEST))
                .isEmpty();
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT, "expires_in", 0), LONGEST))
                .isEmpty();
        assertThat(LaunchRequest.parse(body("client_id", "app", "patient", PATIENT, "expires_in", "60"), LONGEST))
                .isEmpty();
    }
}
