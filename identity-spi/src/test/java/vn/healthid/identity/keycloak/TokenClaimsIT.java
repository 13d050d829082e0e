package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.identity.keycloak.support.Totp;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Sex;

/**
 * What the realm's tokens say and allow (docs/chip-login.md, levels and claims): scopes of the chip grant, acr and amr
 * of each way of logging in, auth_time, minimum levels, the account API, offline access and the national id.
 */
class TokenClaimsIT {

    private static final String ACR = "urn:vn:healthid:acr:";
    private static final String WORKSTATION = "clinic-workstation";
    private static final String WORKSTATION_SECRET = "sandbox-clinic-workstation-secret";
    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @Test
    void chipGrantIssuesOnlyPatientScopesWhateverTheClinicAsksFor() {
        Citizen citizen = server.cards().freshCitizen();
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));

        Oidc.Response response = oidc.chipGrant(bundle, "openid system/Patient.rs user/Patient.rs patient/Patient.rs");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> issued = words(response.json().get("scope").asText());
        List<String> inToken =
                words(claims(response, "access_token").get("scope").asText());
        for (List<String> scopes : List.of(issued, inToken)) {
            assertThat(scopes).contains("openid", "patient/Patient.rs");
            assertThat(scopes).noneMatch(s -> s.startsWith("system/") || s.startsWith("user/"));
        }
    }

    @Test
    void chipGrantTokenCarriesTheTimeOfTheCardVerificationAndTheChipMethods() {
        Citizen citizen = server.cards().freshCitizen();
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        long before = Instant.now().getEpochSecond();

        JsonNode token = claims(oidc.chipGrant(bundle), "access_token");

        assertThat(token.get("auth_time").asLong())
                .isBetween(before - 1, Instant.now().getEpochSecond());
        assertThat(token.get("acr").asText()).isEqualTo(ACR + "chip-aa");
        assertThat(strings(token.get("amr"))).containsExactly("hwk", "sc");
        assertThat(token.get("national_id").asText()).isEqualTo(citizen.number());
    }

    @Test
    void clinicChipTokenCannotRewriteTheCitizensAccountEmail() {
        Citizen citizen = server.cards().freshCitizen();
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        String accessToken = oidc.chipGrant(bundle).json().get("access_token").asText();
        JsonNode token = Oidc.claims(accessToken);
        assertThat(token.get("aud").toString()).doesNotContain("\"account\"");
        assertThat(token.has("resource_access")).isFalse();

        Oidc.Response update = oidc.withBearer(
                server.realmUrl() + "/account/", accessToken, "{\"email\":\"attacker@example.invalid\"}");

        assertThat(update.status()).isIn(401, 403);
        JsonNode user = oidc.adminGet("/users?briefRepresentation=false&q=national_id:" + citizen.number())
                .get(0);
        assertThat(user.has("email")).isFalse();
    }

    @Test
    void portalLoginWithActiveAuthenticationCarriesChipAaWithoutAskingAndSsoNeverAsksForTheCardAgain() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("patient-portal", null);
            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();
            JsonNode access = Oidc.claims(tokens.get("access_token").asText());
            JsonNode id = Oidc.claims(tokens.get("id_token").asText());

            for (JsonNode token : List.of(access, id)) {
                assertThat(token.get("acr").asText()).isEqualTo(ACR + "chip-aa");
                assertThat(strings(token.get("amr"))).containsExactly("hwk", "sc");
            }
            assertThat(access.get("aud").toString()).doesNotContain("\"account\"");
            assertThat(access.has("resource_access")).isFalse();

            BrowserLogin.Attempt telehealth = browser.start("telehealth-app", ACR + "chip-aa");
            assertThat(telehealth.showsChipPage()).isFalse();
            JsonNode sso =
                    Oidc.claims(telehealth.exchangeCode().get("access_token").asText());
            assertThat(sso.get("acr").asText()).isEqualTo(ACR + "chip-aa");
            assertThat(sso.get("sub").asText()).isEqualTo(access.get("sub").asText());
        }
    }

    @Test
    void healthDataClientsMinimumLevelRefusesACopyOfTheCardsFiles() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            // No acr_values: the portal's minimum (level 2) asks for the card's active authentication.
            BrowserLogin.Attempt login = browser.start("patient-portal", null);
            login.phonePosts(server.cards()
                    .issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE))
                    .bundleJson(login.challenge()));
            login.continueLogin();

            assertThat(login.redirectLocation()).isNull();
            assertThat(login.showsChipPage()).isTrue();
            assertThat(login.pageText()).contains("PROOF_INSUFFICIENT");

            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
            JsonNode token = Oidc.claims(login.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());
            assertThat(token.get("acr").asText()).isEqualTo(ACR + "chip-aa");
        }
    }

    @Test
    void publicClientAskingForOfflineAccessGetsNoOfflineToken() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("patient-portal", null, "&scope=openid%20offline_access");

            assertThat(login.showsChipPage()).isFalse();
            assertThat(login.redirectLocation()).contains("error=invalid_scope");
        }
    }

    @Test
    void refreshedTokenKeepsTheLoginsAuthTimeAndPublicClientsNeverSeeTheNationalId() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("patient-portal", null);
            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();
            JsonNode first = Oidc.claims(tokens.get("access_token").asText());
            assertThat(Oidc.claims(tokens.get("refresh_token").asText())
                            .get("typ")
                            .asText())
                    .isEqualTo("Refresh");

            Oidc.Response refreshed = oidc.postForm(
                    oidc.tokenUrl(),
                    Map.of(
                            "grant_type",
                            "refresh_token",
                            "refresh_token",
                            tokens.get("refresh_token").asText(),
                            "client_id",
                            "patient-portal"));

            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            JsonNode again = claims(refreshed, "access_token");
            assertThat(again.get("auth_time").asLong())
                    .isEqualTo(first.get("auth_time").asLong());
            assertThat(again.get("acr").asText()).isEqualTo(ACR + "chip-aa");

            JsonNode userinfo = oidc.withBearer(
                            server.realmUrl() + "/protocol/openid-connect/userinfo",
                            tokens.get("access_token").asText(),
                            null)
                    .json();
            for (JsonNode token : List.of(
                    first,
                    again,
                    Oidc.claims(tokens.get("id_token").asText()),
                    claims(refreshed, "id_token"),
                    userinfo)) {
                assertThat(token.toString()).doesNotContain(citizen.number());
                assertThat(token.has("national_id")).isFalse();
            }
            assertThat(first.get("fhirUser").asText()).startsWith("Patient/");
            assertThat(first.at("/verified_claims/claims/birthdate").asText())
                    .isEqualTo(citizen.dateOfBirth().toString());
        }
    }

    @Test
    void publicClientGetsOnlyTheScopesItAskedForAndNoEmailVerifiedWithoutAnEmail() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("patient-portal", null);
            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();
            for (String field : List.of("access_token", "id_token")) {
                JsonNode token = Oidc.claims(tokens.get(field).asText());
                assertThat(token.has("email_verified")).as(field).isFalse();
                assertThat(token.has("given_name")).as(field).isFalse();
                assertThat(token.has("preferred_username")).as(field).isFalse();
            }
            assertThat(words(tokens.get("scope").asText())).doesNotContain("email", "profile");

            BrowserLogin.Attempt asked = browser.start("telehealth-app", null, "&scope=openid%20profile%20email");
            JsonNode id = Oidc.claims(asked.exchangeCode().get("id_token").asText());

            assertThat(id.get("given_name").asText()).isNotBlank();
            assertThat(id.has("email")).isFalse();
            assertThat(id.has("email_verified")).isFalse();
        }
    }

    @Test
    void aClinicsChipTokenCarriesTheCitizensNameOnlyWhenTheClinicAsksForProfile() {
        Citizen citizen = server.cards().freshCitizen();
        JsonNode plain = Oidc.claims(oidc.chipGrant(
                        server.cards()
                                .issue(citizen, CardSpec.defaults())
                                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)),
                        "openid patient/Patient.rs")
                .json()
                .get("access_token")
                .asText());
        JsonNode asked = Oidc.claims(oidc.chipGrant(
                        server.cards()
                                .issue(citizen, CardSpec.defaults())
                                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)),
                        "openid profile patient/Patient.rs")
                .json()
                .get("access_token")
                .asText());

        assertThat(plain.has("given_name")).as(plain.toString()).isFalse();
        assertThat(plain.has("name")).isFalse();
        assertThat(plain.has("email")).isFalse();
        assertThat(words(plain.get("scope").asText())).doesNotContain("profile", "email");
        assertThat(asked.get("given_name").asText()).isNotBlank();
        assertThat(words(asked.get("scope").asText())).contains("profile");
    }

    @Test
    void theClerksTokenExchangedAtTheClinicCarriesTheClerksNameOnlyWhenProfileIsAsked() throws InterruptedException {
        // the desk reader's exchange (reader HealthidClient.exchange): the reception page's sign-in (reception-desk,
        // audience clinic-reception) for a token of the clinic's client, whose names the bridge sends to the gateway
        String desk = oidc.adminGet("/clients?clientId=reception-desk")
                .get(0)
                .get("id")
                .asText();
        com.fasterxml.jackson.databind.node.ObjectNode client =
                (com.fasterxml.jackson.databind.node.ObjectNode) oidc.adminGet("/clients/" + desk);
        String callback = "http://127.0.0.1/reception-desk/callback";
        if (!client.path("redirectUris").toString().contains(callback)) {
            client.withArray("redirectUris").add(callback);
            assertThat(oidc.adminPut("/clients/" + desk, client.toString())).isEqualTo(204);
        }
        String clerk;
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("reception-desk", null, "&scope=openid%20fhirUser%20profile")
                    .submitForm(Map.of("username", "doctor02", "password", "sandbox-doctor02"));
            login.submitForm(Map.of("otp", Totp.code(Totp.DOCTOR_SECRET, Instant.now())));
            if (login.showsForm("otp")) { // that code was used by another test in this 30-second step
                Thread.sleep(30_000 - Instant.now().toEpochMilli() % 30_000 + 500);
                login.submitForm(Map.of("otp", Totp.code(Totp.DOCTOR_SECRET, Instant.now())));
            }
            clerk = login.exchangeCode().get("access_token").asText();
        }

        JsonNode plain = exchangedAtTheClinic(clerk, "openid");
        JsonNode named = exchangedAtTheClinic(clerk, "openid profile");

        assertThat(plain.has("given_name")).as(plain.toString()).isFalse();
        assertThat(plain.has("name")).isFalse();
        assertThat(named.get("given_name").asText()).as(named.toString()).isNotBlank();
        assertThat(named.get("azp").asText()).isEqualTo(Oidc.CLINIC);
    }

    private static JsonNode exchangedAtTheClinic(String subjectToken, String scope) {
        Oidc.Response exchanged = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:token-exchange",
                        "client_id",
                        Oidc.CLINIC,
                        "client_secret",
                        Oidc.CLINIC_SECRET,
                        "subject_token",
                        subjectToken,
                        "subject_token_type",
                        "urn:ietf:params:oauth:token-type:access_token",
                        "requested_token_type",
                        "urn:ietf:params:oauth:token-type:access_token",
                        "scope",
                        scope));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        return Oidc.claims(exchanged.json().get("access_token").asText());
    }

    @Test
    void passwordGrantTokenReadsPasswordAndClientCredentialsTokenReadsClient() {
        Oidc.Response password = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type", "password",
                        "client_id", Oidc.CLINIC,
                        "client_secret", Oidc.CLINIC_SECRET,
                        "username", "clerk01",
                        "password", "sandbox-clerk01"));
        assertThat(password.status()).as(password.body()).isEqualTo(200);
        JsonNode staff = claims(password, "access_token");
        assertThat(staff.get("acr").asText()).isEqualTo(ACR + "pwd");
        assertThat(strings(staff.get("amr"))).containsExactly("pwd");
        assertThat(staff.get("fhirUser").asText()).isEqualTo("Practitioner/clerk01");
        assertThat(staff.has("auth_time")).isTrue();

        JsonNode client = claims(oidc.clientCredentials(), "access_token");
        assertThat(client.get("acr").asText()).isEqualTo(ACR + "client");
        assertThat(client.has("amr")).isFalse();
    }

    @Test
    void staffPasswordInTheBrowserReadsPassword() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start(WORKSTATION, null)
                    .submitForm(Map.of("username", "clerk01", "password", "sandbox-clerk01"));

            JsonNode token = Oidc.claims(
                    login.exchangeCode(WORKSTATION_SECRET).get("access_token").asText());

            assertThat(token.get("acr").asText()).isEqualTo(ACR + "pwd");
            assertThat(strings(token.get("amr"))).containsExactly("pwd");
        }
    }

    @Test
    void staffReachLevelTwoWithKeycloaksOtpAndLevelThreeWithTheirOwnCard() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start(WORKSTATION, ACR + "pwd-otp")
                    .submitForm(Map.of("username", "doctor02", "password", "sandbox-doctor02"));
            assertThat(login.showsForm("otp")).as(login.pageText()).isTrue();
            login.submitForm(Map.of("otp", Totp.code(Totp.DOCTOR_SECRET, Instant.now())));
            JsonNode otp = Oidc.claims(
                    login.exchangeCode(WORKSTATION_SECRET).get("access_token").asText());
            assertThat(otp.get("acr").asText()).isEqualTo(ACR + "pwd-otp");
            assertThat(strings(otp.get("amr"))).containsExactly("pwd", "otp");
            assertThat(otp.get("fhirUser").asText()).isEqualTo("Practitioner/doctor02");

            BrowserLogin.Attempt stepUp = browser.start(WORKSTATION, ACR + "chip-aa");
            assertThat(stepUp.showsChipPage()).as(stepUp.pageText()).isTrue();
            stepUp.phonePosts(
                    server.cards().issue(doctorsCard(), CardSpec.defaults()).bundleJson(stepUp.challenge()));
            JsonNode card = Oidc.claims(stepUp.continueLogin()
                    .itsMe()
                    .exchangeCode(WORKSTATION_SECRET)
                    .get("access_token")
                    .asText());

            assertThat(card.get("acr").asText()).isEqualTo(ACR + "chip-aa");
            assertThat(strings(card.get("amr"))).containsExactly("pwd", "otp", "hwk", "sc");
            assertThat(card.get("fhirUser").asText()).isEqualTo("Practitioner/doctor02");
            assertThat(card.get("sub").asText()).isEqualTo(otp.get("sub").asText());
        }
    }

    /** doctor02's own card (sandbox/realms/health-realm.json: national id, birth date, sex). */
    private static Citizen doctorsCard() {
        Citizen c = server.cards().freshCitizen();
        return new Citizen(
                "079188000303",
                "Phạm Thu Hà",
                java.time.LocalDate.of(1988, 3, 15),
                Sex.FEMALE,
                c.nationality(),
                c.ethnicity(),
                c.religion(),
                c.placeOfOrigin(),
                c.placeOfResidence(),
                c.identifyingFeatures(),
                c.dateOfIssue(),
                c.dateOfExpiry(),
                c.fatherName(),
                c.motherName(),
                c.spouseName(),
                c.oldIdNumber(),
                c.bhxhNumber());
    }

    private static JsonNode claims(Oidc.Response response, String tokenField) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Oidc.claims(response.json().get(tokenField).asText());
    }

    private static List<String> words(String scope) {
        return Arrays.asList(scope.split(" "));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        assertThat(array).as("amr").isNotNull();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
