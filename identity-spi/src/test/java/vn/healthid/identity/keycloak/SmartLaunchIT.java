package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/**
 * SMART App Launch 2.0 launch context in the real Keycloak (docs/smart.md): standalone {@code launch/patient}, and the
 * EHR launch a clinic registers at {@code /realms/health/smart-launch}: single use, short-lived, bound to the clinic,
 * the app and a patient whose card the clinic has read. The {@code aud} parameter, when sent, must name our FHIR server;
 * token introspection answers the same launch context as the token response.
 */
class SmartLaunchIT {

    private static final String APP = "smart-sandbox-app";
    private static final String WORKSTATION = "clinic-workstation";
    private static final String WORKSTATION_SECRET = "sandbox-clinic-workstation-secret";
    private static final String OTHER_CLINIC = "clinic-elsewhere";
    private static final String OTHER_SECRET = "integration-test-clinic-elsewhere";
    /** The bridge's client: the tokens' audience, the resource server that introspects them (given a secret here). */
    private static final String RESOURCE_SERVER = "fhir-bridge";

    private static final String RESOURCE_SERVER_SECRET = "integration-test-fhir-bridge";
    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
        if (oidc.adminGet("/clients?clientId=" + OTHER_CLINIC).isEmpty()) {
            int created = oidc.adminPost("/clients", """
                    {"clientId":"%s","secret":"%s","publicClient":false,"serviceAccountsEnabled":true,
                     "standardFlowEnabled":false,"directAccessGrantsEnabled":false,
                     "protocolMappers":[{"name":"fhirUser","protocol":"openid-connect",
                       "protocolMapper":"healthid-fhir-user-mapper","config":{"access.token.claim":"true"}}]}""".formatted(OTHER_CLINIC, OTHER_SECRET));
            assertThat(created).isEqualTo(201);
        }
        // Keycloak 26 answers introspection only to a client in the token's audience: the sandbox's fhir-bridge is
        // bearer-only without a secret (the bridge checks JWTs itself), so the test gives it one.
        String bridge = oidc.adminGet("/clients?clientId=" + RESOURCE_SERVER)
                .get(0)
                .get("id")
                .asText();
        int updated = oidc.adminPut("/clients/" + bridge, """
                {"clientId":"%s","bearerOnly":false,"publicClient":false,"secret":"%s",
                 "standardFlowEnabled":false,"directAccessGrantsEnabled":false,"serviceAccountsEnabled":false}""".formatted(RESOURCE_SERVER, RESOURCE_SERVER_SECRET));
        assertThat(updated).isEqualTo(204);
    }

    @Test
    void standaloneLaunchPatientPutsTheSignedInCitizensPatientIdInTheTokenResponse() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens = citizenLogin(browser, citizen, "openid fhirUser launch/patient patient/Patient.rs", "")
                    .exchangeCode();

            String fhirUser =
                    Oidc.claims(tokens.get("id_token").asText()).get("fhirUser").asText();
            assertThat(fhirUser).startsWith("Patient/p");
            assertThat(tokens.get("patient").asText()).isEqualTo(fhirUser.substring("Patient/".length()));
            assertThat(tokens.get("scope").asText().split(" ")).contains("launch/patient", "patient/Patient.rs");
            assertThat(tokens.has("encounter")).isFalse();
        }
    }

    @Test
    void introspectionOfAStandaloneLaunchTokenAnswersItsPatient() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens = citizenLogin(
                            browser,
                            server.cards().freshCitizen(),
                            "openid fhirUser launch/patient patient/Patient.rs",
                            "")
                    .exchangeCode();

            JsonNode introspected = introspect(tokens.get("access_token").asText());

            assertThat(introspected.get("active").asBoolean())
                    .as(introspected.toString())
                    .isTrue();
            assertThat(introspected.path("patient").asText())
                    .isEqualTo(tokens.get("patient").asText());
            assertThat(introspected.has("encounter")).isFalse();
        }
    }

    @Test
    void introspectionOfATokenWithoutLaunchScopesAnswersNoPatient() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens = citizenLogin(browser, server.cards().freshCitizen(), "openid patient/Patient.rs", "")
                    .exchangeCode();

            JsonNode introspected = introspect(tokens.get("access_token").asText());

            assertThat(introspected.get("active").asBoolean())
                    .as(introspected.toString())
                    .isTrue();
            assertThat(introspected.has("patient")).as(introspected.toString()).isFalse();
            assertThat(introspected.has("encounter")).isFalse();
        }
    }

    @Test
    void anAudNamingOurFhirServerGetsACodeWhateverItsCaseAndTrailingSlash() {
        for (String aud :
                List.of(KeycloakServer.FHIR_BASE, "HTTP://LocalHost:8081/fhir/", KeycloakServer.OTHER_FHIR_BASE)) {
            try (BrowserLogin browser = new BrowserLogin(server)) {
                JsonNode tokens = staffLogin(browser, "&scope=openid%20user/Patient.rs&aud=" + enc(aud))
                        .exchangeCode(WORKSTATION_SECRET);

                assertThat(tokens.has("access_token")).as(aud).isTrue();
            }
        }
    }

    @Test
    void withoutAudAGenericOidcClientStillGetsACode() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens =
                    staffLogin(browser, "&scope=openid%20user/Patient.rs").exchangeCode(WORKSTATION_SECRET);

            assertThat(tokens.has("access_token")).isTrue();
        }
    }

    @Test
    void anAudNamingAnotherServerGetsAnErrorRedirectAndNoCodeEvenWithASignedInSession() {
        // the attacker's FHIR server sends the app here with its own base as aud: the app must get no code for it
        List<String> foreign = List.of(
                "&aud=" + enc("https://fhir.attacker.example/fhir"),
                "&aud=" + enc(KeycloakServer.FHIR_BASE + "/Patient"),
                "&aud=" + enc("https://localhost:8081/fhir"),
                "&aud=not-a-url");
        // ours and a foreign one: Keycloak refuses any repeated parameter itself ("duplicated parameter")
        String repeated = "&aud=" + enc(KeycloakServer.FHIR_BASE) + "&aud=" + enc("https://fhir.attacker.example/fhir");
        try (BrowserLogin browser = new BrowserLogin(server)) {
            for (String aud : foreign) {
                assertAudRefused(browser.start(WORKSTATION, null, "&scope=openid%20user/Patient.rs" + aud), aud);
            }
            assertRefusedWithoutCode(browser.start(WORKSTATION, null, "&scope=openid%20user/Patient.rs" + repeated));
            // signed in (SSO cookie): Keycloak would answer a code at once, but the aud check comes first
            staffLogin(browser, "&scope=openid%20user/Patient.rs").exchangeCode(WORKSTATION_SECRET);
            for (String aud : foreign) {
                assertAudRefused(browser.start(WORKSTATION, null, "&scope=openid%20user/Patient.rs" + aud), aud);
            }
            assertRefusedWithoutCode(browser.start(WORKSTATION, null, "&scope=openid%20user/Patient.rs" + repeated));
            assertThat(browser.start(WORKSTATION, null, "&scope=openid%20user/Patient.rs")
                            .exchangeCode(WORKSTATION_SECRET)
                            .has("access_token"))
                    .isTrue();
        }
    }

    private static void assertRefusedWithoutCode(BrowserLogin.Attempt attempt) {
        String location = attempt.redirectLocation();
        assertThat(location).as(attempt.pageText()).startsWith("http://127.0.0.1/" + WORKSTATION + "/callback?");
        assertThat(location.substring(location.indexOf('?') + 1))
                .doesNotContain("code=")
                .contains("error=invalid_request");
    }

    private static void assertAudRefused(BrowserLogin.Attempt attempt, String aud) {
        String location = attempt.redirectLocation();
        assertThat(location)
                .as(aud + ": " + attempt.pageText())
                .startsWith("http://127.0.0.1/" + WORKSTATION + "/callback?");
        String query = location.substring(location.indexOf('?') + 1);
        assertThat(query)
                .as(aud)
                .doesNotContain("code=")
                .contains("error=invalid_request")
                .contains("state=s");
        String description =
                URLDecoder.decode(query.replaceAll(".*error_description=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertThat(description).as(aud).startsWith("AUD_NOT_THIS_FHIR_SERVER:");
    }

    @Test
    void withoutLaunchPatientTheTokenResponseNamesNoPatient() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens = citizenLogin(browser, server.cards().freshCitizen(), "openid patient/Patient.rs", "")
                    .exchangeCode();

            assertThat(tokens.has("patient")).isFalse();
        }
    }

    @Test
    void ehrLaunchGivesTheStaffAppThePatientAndEncounterTheClinicBoundAlsoAfterRefresh() {
        String patient = patientReadAtTheDesk(server.cards().freshCitizen());
        JsonNode registered = register(
                        clinicToken(),
                        Map.of("client_id", WORKSTATION, "patient", "Patient/" + patient, "encounter", "enc-7"))
                .json();

        JsonNode tokens;
        try (BrowserLogin browser = new BrowserLogin(server)) {
            tokens = staffLaunch(browser, registered.get("launch").asText()).exchangeCode(WORKSTATION_SECRET);
        }

        assertThat(registered.get("expires_in").asInt()).isBetween(1, 300);
        assertThat(tokens.get("patient").asText()).isEqualTo(patient);
        assertThat(tokens.get("encounter").asText()).isEqualTo("enc-7");
        assertThat(tokens.get("scope").asText().split(" ")).contains("launch");
        Oidc.Response refreshed = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.get("refresh_token").asText(),
                        "client_id",
                        WORKSTATION,
                        "client_secret",
                        WORKSTATION_SECRET));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("patient").asText()).isEqualTo(patient);
        for (JsonNode answer : List.of(tokens, refreshed.json())) {
            JsonNode introspected = introspect(answer.get("access_token").asText());
            assertThat(introspected.get("active").asBoolean())
                    .as(introspected.toString())
                    .isTrue();
            assertThat(introspected.path("patient").asText()).isEqualTo(patient);
            assertThat(introspected.path("encounter").asText()).isEqualTo("enc-7");
        }
    }

    @Test
    void introspectionOfATokenFromAnEarlierLaunchNeverAnswersALaterLaunchsPatient() throws InterruptedException {
        String first = patientReadAtTheDesk(server.cards().freshCitizen());
        String second = patientReadAtTheDesk(server.cards().freshCitizen());
        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode earlier =
                    staffLaunch(browser, launchFor(WORKSTATION, first)).exchangeCode(WORKSTATION_SECRET);
            Thread.sleep(1100); // token iat has one-second steps: the later token must be issued in a later second
            JsonNode later = browser.start(
                            WORKSTATION,
                            null,
                            "&scope=openid%20launch%20user/Patient.rs&launch=" + launchFor(WORKSTATION, second))
                    .exchangeCode(WORKSTATION_SECRET);

            assertThat(later.get("patient").asText()).isEqualTo(second);
            assertThat(introspect(later.get("access_token").asText())
                            .path("patient")
                            .asText())
                    .isEqualTo(second);
            JsonNode old = introspect(earlier.get("access_token").asText());
            assertThat(old.get("active").asBoolean()).as(old.toString()).isTrue();
            assertThat(old.has("patient")).as(old.toString()).isFalse();
        }
    }

    @Test
    void aPatientFacingAppLaunchedByTheClinicGetsThePatientWhoseCardWasRead() {
        Citizen citizen = server.cards().freshCitizen();
        String patient = patientReadAtTheDesk(citizen);
        String launch = launchFor(APP, patient);

        try (BrowserLogin browser = new BrowserLogin(server)) {
            JsonNode tokens = citizenLogin(browser, citizen, "openid launch patient/Patient.rs", "&launch=" + launch)
                    .exchangeCode();

            assertThat(tokens.get("patient").asText()).isEqualTo(patient);
        }
    }

    @Test
    void aLaunchForOnePatientIsRefusedWhenAnotherCitizenSignsIn() {
        String launch = launchFor(APP, patientReadAtTheDesk(server.cards().freshCitizen()));

        try (BrowserLogin browser = new BrowserLogin(server)) {
            Oidc.Response refused = citizenLogin(
                            browser,
                            server.cards().freshCitizen(),
                            "openid launch patient/Patient.rs",
                            "&launch=" + launch)
                    .tokenResponse(Map.of());

            assertRefused(refused, 400, "invalid_grant", "LAUNCH_PATIENT_MISMATCH");
        }
    }

    @Test
    void aLaunchIsUsedOnceAndItsReplayIsRefused() {
        String launch =
                launchFor(WORKSTATION, patientReadAtTheDesk(server.cards().freshCitizen()));
        try (BrowserLogin first = new BrowserLogin(server)) {
            staffLaunch(first, launch).exchangeCode(WORKSTATION_SECRET);
        }

        try (BrowserLogin replay = new BrowserLogin(server)) {
            Oidc.Response refused =
                    staffLaunch(replay, launch).tokenResponse(Map.of("client_secret", WORKSTATION_SECRET));

            assertRefused(refused, 400, "invalid_grant", "LAUNCH_INVALID");
        }
    }

    @Test
    void aLaunchReplayedInTheSameSignedInBrowserIsRefusedAndALaterLoginWithoutALaunchHasNoContext() {
        String launch =
                launchFor(WORKSTATION, patientReadAtTheDesk(server.cards().freshCitizen()));
        try (BrowserLogin browser = new BrowserLogin(server)) {
            assertThat(staffLaunch(browser, launch)
                            .exchangeCode(WORKSTATION_SECRET)
                            .has("patient"))
                    .isTrue();

            BrowserLogin.Attempt replay =
                    browser.start(WORKSTATION, null, "&scope=openid%20launch%20user/Patient.rs&launch=" + launch);
            assertRefused(
                    replay.tokenResponse(Map.of("client_secret", WORKSTATION_SECRET)),
                    400,
                    "invalid_grant",
                    "LAUNCH_INVALID");

            JsonNode plain = browser.start(WORKSTATION, null, "&scope=openid%20launch%20user/Patient.rs")
                    .exchangeCode(WORKSTATION_SECRET);
            assertThat(plain.has("patient")).isFalse();
        }
    }

    @Test
    void anExpiredLaunchIsRefused() throws InterruptedException {
        String patient = patientReadAtTheDesk(server.cards().freshCitizen());
        String launch = register(clinicToken(), Map.of("client_id", WORKSTATION, "patient", patient, "expires_in", 1))
                .json()
                .get("launch")
                .asText();
        Thread.sleep(2100); // the clinic asked for a one-second launch

        try (BrowserLogin browser = new BrowserLogin(server)) {
            Oidc.Response refused =
                    staffLaunch(browser, launch).tokenResponse(Map.of("client_secret", WORKSTATION_SECRET));

            assertRefused(refused, 400, "invalid_grant", "LAUNCH_INVALID");
        }
    }

    @Test
    void aLaunchRegisteredForAnotherAppIsRefused() {
        String launch = launchFor(APP, patientReadAtTheDesk(server.cards().freshCitizen()));

        try (BrowserLogin browser = new BrowserLogin(server)) {
            Oidc.Response refused =
                    staffLaunch(browser, launch).tokenResponse(Map.of("client_secret", WORKSTATION_SECRET));

            assertRefused(refused, 400, "invalid_grant", "LAUNCH_INVALID");
        }
    }

    @Test
    void aClinicTheAppDoesNotNameCannotRegisterALaunchEvenForAPatientItHasSeen() {
        Citizen citizen = server.cards().freshCitizen();
        String patient = patientReadAtTheDesk(citizen);
        patientReadAt(OTHER_CLINIC, OTHER_SECRET, citizen);
        String otherToken = clientToken(OTHER_CLINIC, OTHER_SECRET);

        Oidc.Response refused = register(otherToken, Map.of("client_id", WORKSTATION, "patient", patient));

        assertRefused(refused, 403, "access_denied", "LAUNCH_CLINIC_NOT_ALLOWED");
    }

    @Test
    void aClinicCannotRegisterALaunchForAPatientWhoseCardItHasNotRead() {
        Citizen readElsewhere = server.cards().freshCitizen();
        String patient = patientReadAt(OTHER_CLINIC, OTHER_SECRET, readElsewhere);

        Oidc.Response refused = register(clinicToken(), Map.of("client_id", WORKSTATION, "patient", patient));

        assertRefused(refused, 403, "access_denied", "LAUNCH_PATIENT_NOT_SEEN");
    }

    @Test
    void onlyAClinicsOwnClientCredentialsTokenRegistersALaunch() {
        Citizen citizen = server.cards().freshCitizen();
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        JsonNode citizenToken =
                oidc.chipGrant(bundle, "openid patient/Patient.rs").json();
        String patient = fhirPatient(citizenToken);
        Map<String, Object> body = Map.of("client_id", WORKSTATION, "patient", patient);

        assertRefused(
                register(citizenToken.get("access_token").asText(), body), 403, "access_denied", "LAUNCH_NOT_A_CLINIC");
        assertRefused(register("not-a-token", body), 401, "invalid_token", "LAUNCH_TOKEN_INVALID");
    }

    @Test
    void aMalformedRegistrationIsRefused() {
        String patient = patientReadAtTheDesk(server.cards().freshCitizen());
        String token = clinicToken();

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("patient", patient),
                Map.of("client_id", WORKSTATION),
                Map.of("client_id", WORKSTATION, "patient", "079090001234"),
                Map.of("client_id", WORKSTATION, "patient", patient, "encounter", "a/b"),
                Map.of("client_id", WORKSTATION, "patient", patient, "expires_in", 0))) {
            assertRefused(register(token, body), 400, "invalid_request", "LAUNCH_REQUEST_INVALID");
        }
    }

    private static BrowserLogin.Attempt citizenLogin(
            BrowserLogin browser, Citizen citizen, String scope, String extraQuery) {
        BrowserLogin.Attempt login = browser.start(APP, null, "&scope=" + scope.replace(" ", "%20") + extraQuery);
        login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
        return login.continueLogin().itsMe();
    }

    private static BrowserLogin.Attempt staffLaunch(BrowserLogin browser, String launch) {
        return staffLogin(browser, "&scope=openid%20launch%20user/Patient.rs&launch=" + launch);
    }

    private static BrowserLogin.Attempt staffLogin(BrowserLogin browser, String query) {
        return browser.start(WORKSTATION, null, query)
                .submitForm(Map.of("username", "doctor01", "password", "sandbox-doctor01"));
    }

    /** Token introspection (RFC 7662) as the resource server does it: with the credentials of the token's audience. */
    private static JsonNode introspect(String accessToken) {
        Oidc.Response answer = oidc.postForm(
                server.realmUrl() + "/protocol/openid-connect/token/introspect",
                Map.of("token", accessToken, "client_id", RESOURCE_SERVER, "client_secret", RESOURCE_SERVER_SECRET));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String launchFor(String app, String patient) {
        Oidc.Response registered = register(clinicToken(), Map.of("client_id", app, "patient", patient));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("launch").asText();
    }

    /** The sandbox clinic reads the citizen's card at its desk (chip grant); the patient id from the token. */
    private static String patientReadAtTheDesk(Citizen citizen) {
        return patientReadAt(Oidc.CLINIC, Oidc.CLINIC_SECRET, citizen);
    }

    private static String patientReadAt(String clinic, String secret, Citizen citizen) {
        String bundle = server.cards().issue(citizen, CardSpec.defaults()).bundleJson(oidc.challenge(clinic, secret));
        Oidc.Response token = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type", Oidc.CHIP_GRANT,
                        "client_id", clinic,
                        "client_secret", secret,
                        "chip_bundle", bundle,
                        "scope", "openid"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return fhirPatient(token.json());
    }

    private static String fhirPatient(JsonNode tokenResponse) {
        String fhirUser = Oidc.claims(tokenResponse.get("access_token").asText())
                .get("fhirUser")
                .asText();
        return fhirUser.substring("Patient/".length());
    }

    private static String clinicToken() {
        return clientToken(Oidc.CLINIC, Oidc.CLINIC_SECRET);
    }

    private static String clientToken(String clientId, String secret) {
        Oidc.Response token = oidc.postForm(
                oidc.tokenUrl(),
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    private static Oidc.Response register(String token, Map<String, Object> body) {
        return oidc.withBearer(server.realmUrl() + "/smart-launch", token, json(body));
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Oidc.Response response, int status, String error, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("error_description").asText()).startsWith(code + ":");
    }
}
