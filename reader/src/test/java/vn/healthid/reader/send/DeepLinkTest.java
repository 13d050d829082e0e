package vn.healthid.reader.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

class DeepLinkTest {

    private static final String CHALLENGE = "uL05UoCxMl-1aZJyT4NjMEZ6--XBkfSURltfb2rzlX8";
    private static final Set<String> ALLOWED = Set.of("id.healthid.vn");

    @Test
    void readsTheLinkOfTheLoginPage() throws Exception {
        DeepLink link = DeepLink.parse(
                link(CHALLENGE, "https://id.healthid.vn/realms/healthid/cccd/phone/" + CHALLENGE), ALLOWED);

        assertThat(link.challenge()).isEqualTo(CHALLENGE);
        assertThat(link.callback().toString())
                .isEqualTo("https://id.healthid.vn/realms/healthid/cccd/phone/" + CHALLENGE);
    }

    @Test
    void acceptsParametersInAnyOrderAndIgnoresUnknownOnesLikeRealmAndClient() throws Exception {
        String callback = URLEncoder.encode(
                "https://id.healthid.vn/realms/healthid/cccd/phone/" + CHALLENGE, StandardCharsets.UTF_8);
        DeepLink link = DeepLink.parse(
                "healthid-chip://login?realm=healthid&client=telehealth-app&callback=" + callback + "&challenge="
                        + CHALLENGE + "&v=2",
                ALLOWED);

        assertThat(link.challenge()).isEqualTo(CHALLENGE);
        assertThat(link.parameters()).containsEntry("realm", "healthid").containsEntry("client", "telehealth-app");
    }

    @Test
    void refusesACallbackOnAnotherHost() {
        assertInvalid(link(CHALLENGE, "https://evil.example/realms/healthid/cccd/phone/" + CHALLENGE));
    }

    @Test
    void refusesPlainHttpExceptOnLoopback() throws Exception {
        assertInvalid(link(CHALLENGE, "http://id.healthid.vn/realms/healthid/cccd/phone/" + CHALLENGE));
        assertThat(DeepLink.parse(
                                link(CHALLENGE, "http://127.0.0.1:8080/realms/healthid/cccd/phone/" + CHALLENGE),
                                Set.of("127.0.0.1"))
                        .challenge())
                .isEqualTo(CHALLENGE);
    }

    @Test
    void refusesACallbackThatIsNotThePhoneCallbackOfThisChallenge() {
        assertInvalid(link(CHALLENGE, "https://id.healthid.vn/realms/healthid/cccd/phone/someone-else-challenge-xx"));
        assertInvalid(link(CHALLENGE, "https://id.healthid.vn/realms/healthid/protocol/openid-connect/token"));
        assertInvalid(link(CHALLENGE, "https://id.healthid.vn/realms/healthid/cccd/phone/" + CHALLENGE + "?x=1"));
    }

    @Test
    void refusesOtherSchemesAndMissingParameters() {
        assertInvalid("https://id.healthid.vn/login?challenge=" + CHALLENGE);
        assertInvalid("healthid-chip://login?challenge=" + CHALLENGE);
        assertInvalid("healthid-chip://login");
    }

    private static String link(String challenge, String callback) {
        return "healthid-chip://login?challenge=" + challenge + "&callback="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8);
    }

    private static void assertInvalid(String link) {
        assertThatThrownBy(() -> DeepLink.parse(link, ALLOWED))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.DEEP_LINK_INVALID));
    }
}
