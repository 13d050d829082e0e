package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.service.ChipSettings;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.identity.keycloak.user.PatientIds;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/** Cross-device browser login: the browser waits on the QR page while the phone posts the bundle. */
class BrowserChipLoginIT {

    private static KeycloakServer server;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
    }

    @Test
    void phonePostsBundleAndBrowserFinishesLoginThenSecondClientGetsSso() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            String bundle = server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge());

            assertThat(login.phonePosts(bundle).status()).isEqualTo(202);
            JsonNode tokens = login.continueLogin().itsMe().exchangeCode();

            JsonNode access = Oidc.claims(tokens.get("access_token").asText());
            assertThat(access.get("acr").asText()).isEqualTo("urn:vn:healthid:acr:chip-aa");
            assertThat(access.get("azp").asText()).isEqualTo("telehealth-app");
            assertThat(access.has("national_id")).isFalse(); // a public client: fhirUser names the citizen
            assertThat(access.get("fhirUser").asText()).isEqualTo("Patient/" + patientId(citizen));
            assertThat(access.at("/verified_claims/verification/evidence/0/method")
                            .asText())
                    .isEqualTo("chip");

            BrowserLogin.Attempt sso = browser.start("patient-portal", null);
            assertThat(sso.showsChipPage()).isFalse();
            JsonNode portal = Oidc.claims(sso.exchangeCode().get("access_token").asText());
            assertThat(portal.get("sub").asText()).isEqualTo(access.get("sub").asText());
        }
    }

    @Test
    void browserWithoutPhoneBundleKeepsWaitingOnTheSameChallenge() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            String challenge = login.challenge();

            login.continueLogin();

            assertThat(login.showsChipPage()).isTrue();
            assertThat(login.challenge()).isEqualTo(challenge);
        }
    }

    @Test
    void cancelReturnsToTheClientWithAccessDenied() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null).cancel();
            assertThat(login.redirectLocation())
                    .startsWith("http://127.0.0.1/telehealth-app/callback")
                    .contains("error=access_denied");
        }
    }

    @Test
    void loginPageSpeaksVietnamese() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null, "&ui_locales=vi");
            assertThat(login.pageText()).contains("Đăng nhập bằng thẻ Căn cước có gắn chip");
        }
    }

    @Test
    void waitingPagePollsAStatusThatTurnsReceivedWhenThePhoneHasPosted() {
        Citizen citizen = server.cards().freshCitizen();
        Oidc oidc = new Oidc(server);
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            String status = server.realmUrl() + "/cccd/phone/" + login.challenge() + "/status";
            assertThat(oidc.get(status).json().get("status").asText()).isEqualTo("waiting");

            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));

            assertThat(oidc.get(status).json().get("status").asText()).isEqualTo("received");
        }
        String unknown = server.realmUrl() + "/cccd/phone/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/status";
        assertThat(oidc.get(unknown).json().get("status").asText()).isEqualTo("expired");
    }

    @Test
    void phoneCannotPostToAnUnknownChallenge() {
        Oidc.Response response = new Oidc(server)
                .postJson(server.realmUrl() + "/cccd/phone/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "{}");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void phoneCallbackRefusesOversizedBundle() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            Oidc.Response response =
                    login.phonePosts("{\"format\":\"" + "x".repeat(KeycloakServer.MAX_BUNDLE_BYTES) + "\"}");
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("error").asText()).isEqualTo("BUNDLE_TOO_LARGE");
        }
    }

    @Test
    void kioskPostsBundleInTheFormOfTheSameDevice() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            String bundle = server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge());

            JsonNode tokens = login.kioskSubmits(bundle).exchangeCode();

            assertThat(Oidc.claims(tokens.get("access_token").asText())
                            .get("fhirUser")
                            .asText())
                    .isEqualTo("Patient/" + patientId(citizen));
        }
    }

    private static String patientId(Citizen citizen) {
        return new PatientIds(ChipSettings.SANDBOX_PATIENT_ID_KEY).forNationalId(citizen.number());
    }
}
