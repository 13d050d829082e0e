package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.LevelOneClient;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/** Step-up through Keycloak's Level-of-Authentication conditions. */
class StepUpIT {

    private static final String CHIP_AA = "urn:vn:healthid:acr:chip-aa";
    private static final String CHIP_PA = "urn:vn:healthid:acr:chip-pa";
    private static KeycloakServer server;
    /** The sandbox's health-data clients ask for level 2 at least; a level-1 login needs a client that does not. */
    private static String levelOne;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        levelOne = LevelOneClient.ensure(server);
    }

    @Test
    void clientAskingAboveTheSessionLevelIsSentThroughTheChipFlow() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt passive = browser.start(levelOne, CHIP_PA);
            passive.phonePosts(server.cards()
                    .issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE))
                    .bundleJson(passive.challenge()));
            JsonNode low = Oidc.claims(passive.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());
            assertThat(low.get("acr").asText()).isEqualTo(CHIP_PA);
            assertThat(low.at("/verified_claims/verification/evidence/0/method").asText())
                    .isEqualTo("chip_pa");

            BrowserLogin.Attempt stepUp = browser.start("telehealth-app", CHIP_AA);
            assertThat(stepUp.showsChipPage()).isTrue();
            stepUp.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(stepUp.challenge()));
            JsonNode high = Oidc.claims(stepUp.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());

            assertThat(high.get("acr").asText()).isEqualTo(CHIP_AA);
            assertThat(high.get("sub").asText()).isEqualTo(low.get("sub").asText());
        }
    }

    @Test
    void passiveOnlyLoginWithoutRequestedAcrNamesTheChipPassiveAcr() {
        // chip-pa and vneid-1 share LoA 1 in the realm map; the token must name the one actually used.
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start(levelOne, null);
            login.phonePosts(server.cards()
                    .issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE))
                    .bundleJson(login.challenge()));

            JsonNode token = Oidc.claims(login.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());

            assertThat(token.get("acr").asText()).isEqualTo(CHIP_PA);
        }
    }

    @Test
    void cardWithActiveAuthenticationAtALevelOneLoginNamesTheProofActuallyMade() {
        // The login asked for level 1, but the card did active authentication: the token names chip-aa, the
        // strongest proof made (docs/chip-login.md, levels), never vneid-1 (another method of level 1).
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start(levelOne, null);
            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));

            JsonNode token = Oidc.claims(login.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());

            assertThat(token.get("acr").asText()).isEqualTo(CHIP_AA);
        }
    }

    @Test
    void passiveOnlyProofNeverReachesTheTopLevel() {
        Citizen citizen = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", CHIP_AA);
            login.phonePosts(server.cards()
                    .issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE))
                    .bundleJson(login.challenge()));
            login.continueLogin();
            // Level 1 is passed; level 3 asks for the chip again.
            assertThat(login.showsChipPage()).isTrue();

            login.phonePosts(server.cards()
                    .issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE))
                    .bundleJson(login.challenge()));
            login.continueLogin();

            assertThat(login.showsChipPage()).isTrue();
            assertThat(login.pageText()).contains("PROOF_INSUFFICIENT");
            assertThat(new Oidc(server).events("LOGIN_ERROR")).anySatisfy(event -> {
                assertThat(event.get("clientId").asText()).isEqualTo("telehealth-app");
                assertThat(event.at("/details/reason").asText()).isEqualTo("PROOF_INSUFFICIENT");
            });
        }
    }
}
