package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * Every scope against every resource and interaction the bridge serves (Patient, and the test
 * Observation provider standing in for a plugged-in feature), with the outcome each must have:
 * A allowed, D denied (403, insufficient_scope), - not applicable (clinic tokens have no own
 * record). Cross-patient attempts are the *_OTHER columns for citizen tokens.
 */
class ScopeMatrixTest extends BridgeIntegrationTest {

    private static final String SELF = "079090003333";
    private static final String OTHER = "001190004444";

    enum Call {
        READ_PATIENT_SELF,
        READ_PATIENT_OTHER,
        SEARCH_PATIENT_SELF,
        SEARCH_PATIENT_BY_IDENTIFIER,
        CREATE_OBSERVATION_SELF,
        CREATE_OBSERVATION_OTHER,
        SEARCH_OBSERVATION_SELF,
        SEARCH_OBSERVATION_OTHER
    }

    /** token kind, scope, expectations in {@link Call} order. */
    private static final String[][] MATRIX = {
        {"citizen", "patient/Patient.r", "ADDDDDDD"},
        {"citizen", "patient/Patient.s", "DDADDDDD"},
        {"citizen", "patient/Patient.rs", "ADADDDDD"},
        {"citizen", "patient/Patient.read", "ADADDDDD"},
        {"citizen", "patient/*.read", "ADADDDAD"},
        {"citizen", "patient/*.cruds", "ADADADAD"},
        {"citizen", "patient/*.*", "ADADADAD"},
        {"citizen", "patient/*.write", "DDDDADDD"},
        {"citizen", "patient/Observation.c", "DDDDADDD"},
        {"citizen", "patient/Observation.rs", "DDDDDDAD"},
        {"citizen", "patient/Observation.cruds", "DDDDADAD"},
        {"citizen", "user/Patient.rs", "ADADDDDD"},
        {"citizen", "user/*.cruds", "ADADADAD"},
        {"citizen", "openid profile", "DDDDDDDD"},
        {"citizen", "patient/Patient.rs?identifier=x", "DDDDDDDD"},
        {"citizen", "patient/Patient.sr", "DDDDDDDD"},
        {"citizen", "patient/Patient.rr", "DDDDDDDD"},
        {"staff", "user/Patient.rs", "-A-A-D-D"},
        {"staff", "user/*.rs", "-A-A-D-A"},
        {"clinic", "system/Patient.r", "-A-D-D-D"},
        {"clinic", "system/Patient.s", "-D-A-D-D"},
        {"clinic", "system/Patient.rs", "-A-A-D-D"},
        {"clinic", "system/*.read", "-A-A-D-A"},
        {"clinic", "system/Observation.c", "-D-D-A-D"},
        {"clinic", "system/Observation.cruds", "-D-D-A-A"},
        {"clinic", "system/*.write", "-D-D-A-D"},
        {"clinic", "patient/Patient.rs", "-D-D-D-D"},
        {"clinic", "openid", "-D-D-D-D"},
    };

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : MATRIX) {
            for (Call call : Call.values()) {
                char expected = row[2].charAt(call.ordinal());
                if (expected != '-') {
                    cases.add(Arguments.of(row[0], row[1], call, expected == 'A'));
                }
            }
        }
        return cases.stream();
    }

    private static volatile boolean fixturesReady;

    /** The other citizen's Patient and one Observation about them exist, so denials are real. */
    private void ensureFixtures() {
        if (fixturesReady) {
            return;
        }
        String other = ISSUER.token()
                .citizen(OTHER)
                .scope("patient/Patient.r patient/Consent.c")
                .sign();
        assertThat(get("/fhir/Patient/" + TokenBuilder.patientIdOf(OTHER), other)
                        .statusCode())
                .isEqualTo(200);
        // Clinic reads of a Patient need the Patient's consent: given here, so that only scopes decide.
        grantConsent(other, "clinic-backoffice", "TREAT");
        grantConsent(other, "clinic-reception", "TREAT");
        String clinic = ISSUER.token().scope("system/Observation.c").sign();
        assertThat(createObservation(clinic, OTHER).statusCode()).isEqualTo(201);
        fixturesReady = true;
    }

    @ParameterizedTest(name = "{0} {1} {2} allowed={3}")
    @MethodSource("matrix")
    void scopeDecidesAccess(String kind, String scope, Call call, boolean allowed) {
        ensureFixtures();
        String token = token(kind, scope);

        HttpResponse<String> response = perform(call, token);

        if (allowed) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(errorCode(response)).isIn("SCOPE_INSUFFICIENT", "PATIENT_COMPARTMENT");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("error=\"insufficient_scope\""));
        }
    }

    private static String token(String kind, String scope) {
        return switch (kind) {
            case "citizen" -> ISSUER.token().citizen(SELF).scope(scope).sign();
            case "staff" ->
                ISSUER.token()
                        .claim("national_id", "079085000001")
                        .claim("name", "Le Thi Thu")
                        .scope(scope)
                        .sign();
            default ->
                ISSUER.token().claim("azp", "clinic-backoffice").scope(scope).sign();
        };
    }

    private HttpResponse<String> perform(Call call, String token) {
        String self = TokenBuilder.patientIdOf(SELF);
        String other = TokenBuilder.patientIdOf(OTHER);
        return switch (call) {
            case READ_PATIENT_SELF -> get("/fhir/Patient/" + self, token);
            case READ_PATIENT_OTHER -> get("/fhir/Patient/" + other, token);
            case SEARCH_PATIENT_SELF -> get("/fhir/Patient?_id=" + self, token);
            case SEARCH_PATIENT_BY_IDENTIFIER ->
                send(request("/fhir/Patient/_search", token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("identifier="
                                + URLEncoder.encode(IdentifierSystems.CCCD + "|" + OTHER, StandardCharsets.UTF_8))));
            case CREATE_OBSERVATION_SELF -> createObservation(token, SELF);
            case CREATE_OBSERVATION_OTHER -> createObservation(token, OTHER);
            case SEARCH_OBSERVATION_SELF -> get("/fhir/Observation?patient=" + self, token);
            case SEARCH_OBSERVATION_OTHER -> get("/fhir/Observation?patient=" + other, token);
        };
    }

    private HttpResponse<String> createObservation(String token, String subjectNumber) {
        String body = """
                {"resourceType":"Observation","status":"final",
                 "code":{"text":"body weight"},
                 "subject":{"reference":"Patient/%s"}}
                """.formatted(TokenBuilder.patientIdOf(subjectNumber));
        return send(request("/fhir/Observation", token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
