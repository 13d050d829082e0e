package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/**
 * Failure locks (issue 14 item 4, issue 17 item 2) and rate limits (issue 14 item 7) against the real Keycloak. The
 * IT server trusts X-Forwarded-For, so each test plays its own source addresses.
 */
class AbuseLimitsIT {

    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @Test
    void badActiveAuthenticationPostsWithSomeonesNumberNeverLockTheGenuineCard() {
        Citizen victim = server.cards().freshCitizen();
        Card cloned = server.cards().issue(victim, CardSpec.defaults().withFault(CardFault.AA_KEY_MISMATCH));
        // More than any threshold, through the public browser flow and the back channel, from one attacker address.
        Oidc attacker = oidc.from(Oidc.randomAddress());
        for (int i = 0; i < KeycloakServer.LOCKOUT_THRESHOLD + 2; i++) {
            try (BrowserLogin browser = new BrowserLogin(server)) {
                BrowserLogin.Attempt login = browser.start("telehealth-app", null);
                attacker.postJson(login.callback(), cloned.bundleJson(login.challenge()));
                login.continueLogin();
                assertThat(login.pageText()).containsAnyOf("AA_SIGNATURE_INVALID", "TOO_MANY_FAILURES");
            }
            attacker.chipGrant(cloned.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        }
        Card genuine = server.cards().issue(victim, CardSpec.defaults());

        Oidc.Response clinic = oidc.chipGrant(genuine.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        assertThat(clinic.status()).as(clinic.body()).isEqualTo(200);
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            login.phonePosts(genuine.bundleJson(login.challenge()));
            assertThat(login.continueLogin().itsMe().redirectLocation()).contains("code=");
        }
        Oidc.Response fromAttacker =
                attacker.chipGrant(genuine.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        assertThat(fromAttacker.json().get("error_description").asText()).isEqualTo("TOO_MANY_FAILURES");
    }

    @Test
    void twentyParallelFailuresFromOneAddressLockItAndOnlyIt() {
        Citizen citizen = server.cards().freshCitizen();
        Card cloned = server.cards().issue(citizen, CardSpec.defaults().withFault(CardFault.AA_KEY_MISMATCH));
        Oidc attacker = oidc.from(Oidc.randomAddress());

        List<String> bundles = bundles(cloned, 20);
        List<Oidc.Response> answers = parallel(20, i -> attacker.chipGrant(bundles.get(i)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error_description").asText())
                    .isIn("AA_SIGNATURE_INVALID", "TOO_MANY_FAILURES");
        });
        Card genuine = server.cards().issue(citizen, CardSpec.defaults());
        Oidc.Response locked = attacker.chipGrant(bundle(genuine));
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.json().get("error_description").asText()).isEqualTo("TOO_MANY_FAILURES");
        assertThat(oidc.events("LOGIN_ERROR"))
                .anySatisfy(event ->
                        assertThat(event.at("/details/reason").asText()).isEqualTo("TOO_MANY_FAILURES"));
        Oidc.Response elsewhere = oidc.from(Oidc.randomAddress()).chipGrant(bundle(genuine));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
    }

    @Test
    void theLockFallsExactlyAtTheThresholdEvenWhenFailuresArriveInParallel() {
        Citizen citizen = server.cards().freshCitizen();
        Card cloned = server.cards().issue(citizen, CardSpec.defaults().withFault(CardFault.AA_KEY_MISMATCH));
        Card genuine = server.cards().issue(citizen, CardSpec.defaults());
        Oidc address = oidc.from(Oidc.randomAddress());

        List<String> bundles = bundles(cloned, KeycloakServer.LOCKOUT_THRESHOLD - 1);
        parallel(bundles.size(), i -> address.chipGrant(bundles.get(i)));
        Oidc.Response belowThreshold = address.chipGrant(bundle(genuine));
        assertThat(belowThreshold.status()).as(belowThreshold.body()).isEqualTo(200);

        assertThat(address.chipGrant(bundle(cloned))
                        .json()
                        .get("error_description")
                        .asText())
                .isEqualTo("AA_SIGNATURE_INVALID");
        Oidc.Response atThreshold = address.chipGrant(bundle(genuine));
        assertThat(atThreshold.json().get("error_description").asText()).isEqualTo("TOO_MANY_FAILURES");
    }

    @Test
    void oneBrowserLoginIsLockedAfterItsOwnFailuresWithAPlainWordsPage() {
        Citizen citizen = server.cards().freshCitizen();
        Card cloned = server.cards().issue(citizen, CardSpec.defaults().withFault(CardFault.AA_KEY_MISMATCH));
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start("telehealth-app", null);
            for (int i = 0; i < KeycloakServer.SESSION_LOCKOUT_THRESHOLD; i++) {
                login.phonePosts(cloned.bundleJson(login.challenge())); // each post from another address
                login.continueLogin();
                assertThat(login.pageText()).contains("AA_SIGNATURE_INVALID");
            }
            login.phonePosts(server.cards().issue(citizen, CardSpec.defaults()).bundleJson(login.challenge()));
            login.continueLogin();

            assertThat(login.showsConfirmation()).isFalse();
            assertThat(login.pageText()).contains("Too many cards were refused").contains("TOO_MANY_FAILURES");
        }
    }

    @Test
    void challengeBurstFromOneAddressIsServedUpToTheLimitThen429WithRetryAfter() {
        Burst burst = burst(
                KeycloakServer.CHALLENGES_PER_ADDRESS + 10,
                from -> from.postForm(
                        server.realmUrl() + "/cccd/challenge",
                        java.util.Map.of("client_id", Oidc.CLINIC, "client_secret", Oidc.CLINIC_SECRET)));

        assertThat(burst.accepted()).isEqualTo(KeycloakServer.CHALLENGES_PER_ADDRESS);
        assertThat(burst.refused()).hasSize(10).allSatisfy(refused -> {
            assertThat(refused.json().get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(refused.json().get("error_description").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, (long) KeycloakServer.RATE_WINDOW_SECONDS);
        });
    }

    @Test
    void chipGrantBurstFromOneAddressIsServedUpToTheLimitThen429WithRetryAfter() {
        Burst burst = burst(KeycloakServer.GRANTS_PER_ADDRESS + 10, from -> from.chipGrant("{}"));

        assertThat(burst.accepted()).isEqualTo(KeycloakServer.GRANTS_PER_ADDRESS); // answered 400 invalid_grant
        assertThat(burst.refused()).hasSize(10).allSatisfy(refused -> {
            assertThat(refused.json().get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(refused.json().get("error_description").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.retryAfter()).isNotEmpty();
        });
    }

    @Test
    void phonePostBurstFromOneAddressIsServedUpToTheLimitThen429WithRetryAfter() {
        String unknown = server.realmUrl() + "/cccd/phone/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Burst burst = burst(KeycloakServer.PHONE_POSTS_PER_ADDRESS + 5, from -> from.postJson(unknown, "{}"));

        assertThat(burst.accepted()).isEqualTo(KeycloakServer.PHONE_POSTS_PER_ADDRESS); // answered 404
        assertThat(burst.refused()).hasSize(5).allSatisfy(refused -> {
            assertThat(refused.json().get("error").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.retryAfter()).isNotEmpty();
        });
    }

    private record Burst(long accepted, List<Oidc.Response> refused) {}

    /**
     * {@code size} parallel requests from one fresh address; accepted = answered anything but 429. Repeated once
     * when the burst straddled two rate windows (then each window would rightly admit its own allowance).
     */
    private static Burst burst(int size, java.util.function.Function<Oidc, Oidc.Response> request) {
        for (int attempt = 0; ; attempt++) {
            long window = Instant.now().getEpochSecond() / KeycloakServer.RATE_WINDOW_SECONDS;
            Oidc from = oidc.from(Oidc.randomAddress());
            List<Oidc.Response> answers = parallel(size, i -> request.apply(from));
            if (Instant.now().getEpochSecond() / KeycloakServer.RATE_WINDOW_SECONDS == window || attempt > 0) {
                List<Oidc.Response> refused =
                        answers.stream().filter(a -> a.status() == 429).toList();
                return new Burst(answers.size() - refused.size(), refused);
            }
        }
    }

    private static String bundle(Card card) {
        return card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
    }

    /** Bundles answering fresh challenges, made before a parallel burst. */
    private static List<String> bundles(Card card, int count) {
        return IntStream.range(0, count).mapToObj(i -> bundle(card)).toList();
    }

    private static List<Oidc.Response> parallel(int count, IntFunction<Oidc.Response> request) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Oidc.Response>> calls = IntStream.range(0, count)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                            return request.apply(i);
                        },
                        java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()))
                .toList();
        go.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
