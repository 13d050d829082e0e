package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/**
 * Login CSRF through the QR code (issue 14, item 3), and the phone inbox (item 6): a passer-by who sees a waiting
 * login's QR code posts their own card first. The browser shows whose card arrived and logs in only when the person
 * confirms; "Not me" or a second delivery aborts the login.
 */
class LoginCsrfIT {

    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @Test
    void attackersCardIsShownToTheVictimWhoSaysNotMeAndTheLoginIsAbortedWithTheChallengeBurnt() {
        Citizen attacker = server.cards().freshCitizen();
        try (BrowserLogin victim = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = victim.start("telehealth-app", null);
            String callback = login.callback();
            String challenge = login.challenge();
            assertThat(oidc.postJson(callback, cardOf(attacker, challenge)).status())
                    .isEqualTo(202);

            login.continueLogin();

            assertThat(login.redirectLocation()).isNull(); // nobody is logged in yet
            BrowserLogin.Confirmation shown = login.confirmation();
            assertThat(shown.name()).isEqualTo(attacker.fullName());
            assertThat(shown.maskedNumber()).isEqualTo(masked(attacker));
            assertThat(shown.face()).startsWith("data:image/jpeg;base64,");
            assertThat(login.pageText()).doesNotContain(attacker.number());

            login.notMe();

            assertThat(login.redirectLocation()).isNull();
            assertThat(login.pageText()).contains("NOT_MY_CARD");
            assertThat(login.showsConfirmation()).isFalse();
            Citizen owner = server.cards().freshCitizen();
            Oidc.Response victimsPhone = oidc.postJson(callback, cardOf(owner, challenge));
            assertThat(victimsPhone.status()).isEqualTo(409);
            assertThat(oidc.events("LOGIN_ERROR")).anySatisfy(event -> {
                assertThat(event.get("clientId").asText()).isEqualTo("telehealth-app");
                assertThat(event.at("/details/reason").asText()).isEqualTo("NOT_MY_CARD");
                assertThat(event.at("/details/card").asText()).isEqualTo(masked(attacker));
            });
        }
    }

    @Test
    void secondDeliveryToTheSameChallengeIsRefusedAndAbortsTheWaitingLogin() {
        Citizen attacker = server.cards().freshCitizen();
        Citizen owner = server.cards().freshCitizen();
        try (BrowserLogin victim = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = victim.start("telehealth-app", null);
            assertThat(login.phonePosts(cardOf(attacker, login.challenge())).status())
                    .isEqualTo(202);

            Oidc.Response victimsPhone = login.phonePosts(cardOf(owner, login.challenge()));
            assertThat(victimsPhone.status()).isEqualTo(409);
            assertThat(victimsPhone.json().get("error").asText()).isEqualTo("BUNDLE_ALREADY_RECEIVED");

            login.continueLogin();

            assertThat(login.showsConfirmation()).isFalse();
            assertThat(login.redirectLocation()).isNull();
            assertThat(login.pageText()).contains("BUNDLE_DELIVERED_TWICE");
        }
    }

    @Test
    void deliveryAfterTheBrowserTookTheFirstCardStillAbortsAtConfirmation() {
        Citizen attacker = server.cards().freshCitizen();
        Citizen owner = server.cards().freshCitizen();
        try (BrowserLogin victim = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = victim.start("telehealth-app", null);
            String challenge = login.challenge();
            login.phonePosts(cardOf(attacker, challenge));
            login.continueLogin();
            assertThat(login.showsConfirmation()).isTrue();

            Oidc.Response late =
                    oidc.postJson(server.realmUrl() + "/cccd/phone/" + challenge, cardOf(owner, challenge));
            assertThat(late.status()).isEqualTo(409);

            login.itsMe();

            assertThat(login.redirectLocation()).isNull();
            assertThat(login.pageText()).contains("BUNDLE_DELIVERED_TWICE");
        }
    }

    @Test
    void ownerWhoConfirmsIsLoggedIn() {
        Citizen owner = server.cards().freshCitizen();
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            login.phonePosts(cardOf(owner, login.challenge()));

            login.continueLogin();
            assertThat(login.confirmation().name()).isEqualTo(owner.fullName());
            String subject = Oidc.claims(
                            login.itsMe().exchangeCode().get("access_token").asText())
                    .get("sub")
                    .asText();

            assertThat(subject).isNotBlank();
        }
    }

    @Test
    void deepLinkNamesRealmAndClientSoThatThePhoneCanShowWhereTheLoginGoes() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);

            Map<String, String> link = login.deepLink();

            assertThat(link)
                    .containsEntry("v", "1")
                    .containsEntry("realm", "health")
                    .containsEntry("client", "telehealth-app")
                    .containsEntry("challenge", login.challenge())
                    .containsEntry("callback", login.callback());
            assertThat(List.copyOf(link.keySet())).containsExactly("v", "realm", "client", "challenge", "callback");
        }
    }

    @Test
    void phoneInboxRefusesAClinicsBackChannelChallenge() {
        Citizen citizen = server.cards().freshCitizen();
        String clinics = oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET);

        Oidc.Response posted = oidc.postJson(server.realmUrl() + "/cccd/phone/" + clinics, cardOf(citizen, clinics));

        assertThat(posted.status()).isEqualTo(404);
        assertThat(posted.json().get("error").asText()).isEqualTo("CHALLENGE_NOT_ISSUED");
        // Still the clinic's: the post neither used nor destroyed it.
        assertThat(oidc.chipGrant(cardOf(citizen, clinics)).status()).isEqualTo(200);
    }

    @Test
    void phoneInboxKeepsAtMost64KibPerPost() {
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            // Under the server's max-bundle-bytes, over the inbox's own cap.
            Oidc.Response response = login.phonePosts("{\"format\":\"" + "x".repeat(64 * 1024) + "\"}");
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("error").asText()).isEqualTo("BUNDLE_TOO_LARGE");
        }
    }

    @Test
    void ofTwoSimultaneousPhonePostsExactlyOneIsAcceptedAndTheOtherGets409() throws Exception {
        for (int trial = 0; trial < 10; trial++) {
            Citizen first = server.cards().freshCitizen();
            Citizen second = server.cards().freshCitizen();
            try (BrowserLogin browser = new BrowserLogin(server)) {
                BrowserLogin.Attempt login = browser.start("telehealth-app", null);
                String challenge = login.challenge();
                List<String> bundles = List.of(cardOf(first, challenge), cardOf(second, challenge));
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Integer>> posts = new ArrayList<>();
                for (String bundle : bundles) {
                    posts.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return oidc.postJson(login.callback(), bundle).status();
                    }));
                }
                go.countDown();
                List<Integer> statuses =
                        posts.stream().map(CompletableFuture::join).sorted().toList();

                assertThat(statuses).as("trial " + trial).containsExactly(202, 409);
            }
        }
    }

    @Test
    void anotherBrowsersKioskFieldCannotBurnAWaitingChallenge() {
        Citizen attacker = server.cards().freshCitizen();
        Citizen owner = server.cards().freshCitizen();
        try (BrowserLogin victim = new BrowserLogin(server);
                BrowserLogin other = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = victim.start("telehealth-app", null);
            String challenge = login.challenge();

            BrowserLogin.Attempt thief = other.start("telehealth-app", null).kioskSubmits(cardOf(attacker, challenge));
            assertThat(thief.pageText()).contains("CHALLENGE_NOT_ISSUED");

            assertThat(login.phonePosts(cardOf(owner, challenge)).status()).isEqualTo(202);
            login.continueLogin();
            assertThat(login.confirmation().name()).isEqualTo(owner.fullName());
            assertThat(login.itsMe().redirectLocation()).contains("code=");
        }
    }

    private static String cardOf(Citizen citizen, String challenge) {
        return server.cards().issue(citizen, CardSpec.defaults()).bundleJson(challenge);
    }

    private static String masked(Citizen citizen) {
        return citizen.number().substring(0, 4) + "******" + citizen.number().substring(10);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
