package vn.healthid.identity.keycloak.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChallengeStoreTest {

    private final ChallengeStore store = new ChallengeStore(new InMemorySingleUseStore(), Duration.ofSeconds(120));
    private final ChallengeBinding clinic = ChallengeBinding.backChannel("clinic-reception");

    @Test
    void issuesAtLeast128BitsBase64Url() {
        String challenge = store.issue(clinic).challenge();
        assertThat(challenge).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(challenge).length).isGreaterThanOrEqualTo(16);
    }

    @Test
    void challengeIsAcceptedOnlyOnce() {
        String challenge = store.issue(clinic).challenge();
        assertThat(store.consume(challenge, clinic)).isPresent();
        assertThat(store.consume(challenge, clinic)).isEmpty();
    }

    @Test
    void challengeOfAnotherClientIsRefusedAndLeftForItsOwner() {
        String challenge = store.issue(clinic).challenge();
        assertThat(store.consume(challenge, ChallengeBinding.backChannel("other-clinic")))
                .isEmpty();
        assertThat(store.consume(challenge, ChallengeBinding.browser("clinic-reception", "root", "tab")))
                .isEmpty();
        assertThat(store.consume(challenge, clinic)).isPresent();
    }

    @Test
    void bindingOfAPendingChallengeIsReadWithoutConsumingIt() {
        ChallengeBinding browser = ChallengeBinding.browser("app", "root", "tab-1");
        String challenge = store.issue(browser).challenge();
        assertThat(store.binding(challenge)).contains(browser);
        assertThat(store.binding(challenge).get().isBrowser()).isTrue();
        assertThat(clinic.isBrowser()).isFalse();
        assertThat(store.consume(challenge, browser)).isPresent();
        assertThat(store.binding(challenge)).isEmpty();
    }

    @Test
    void challengeOfAnotherBrowserTabIsRefused() {
        String challenge =
                store.issue(ChallengeBinding.browser("app", "root", "tab-1")).challenge();
        assertThat(store.consume(challenge, ChallengeBinding.browser("app", "root", "tab-2")))
                .isEmpty();
    }

    @Test
    void malformedChallengeIsRefusedWithoutLookup() {
        assertThat(store.consume("../../etc", clinic)).isEmpty();
        assertThat(store.isPending(null)).isFalse();
    }
}
