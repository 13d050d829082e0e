package vn.healthid.reader.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.cli.HealthidStandIn;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/**
 * {@code POST /v1/read} with {@code clerk_token}: the reader exchanges the signed-in clerk's token for the clerk's
 * token at the clinic's client (RFC 8693) with the clinic's credential, and the page gets it as {@code staff_token}.
 */
class ClerkTokenExchangeTest {

    private static final String CLERK = "eyJhbGciOiJub25lIn0.eyJhenAiOiJyZWNlcHRpb24tZGVzayJ9.Y2xlcms";
    private final Sandbox sandbox = Sandbox.get();

    @Test
    void aReadWithTheClerksTokenAnswersTheClerksTokenAtTheClinicBesideTheCitizensToken() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card)) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, withClerk(card, CLERK));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode json = ServeFixture.json(answer);
            assertThat(json.path("access_token").asText()).isEqualTo(HealthidStandIn.ACCESS_TOKEN);
            assertThat(json.path("staff_token").asText()).isEqualTo(HealthidStandIn.STAFF_TOKEN);
            assertThat(answer.body()).doesNotContain(ServeFixture.SECRET).doesNotContain(CLERK);
            assertThat(reader.healthid.exchangeForm.get())
                    .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                    .containsEntry("client_id", "clinic-reception")
                    .containsEntry("client_secret", ServeFixture.SECRET)
                    .containsEntry("subject_token", CLERK)
                    .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                    .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                    // the bridge names the clerk to the gateway from the name claims; profile is optional there
                    .containsEntry("scope", "openid profile");
            assertThat(reader.terminal.toString()).doesNotContain(CLERK).doesNotContain(HealthidStandIn.STAFF_TOKEN);
        }
    }

    @Test
    void aReadWithoutTheClerksTokenExchangesNothingAndAnswersNoStaffToken() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card)) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(ServeFixture.json(answer).has("staff_token")).isFalse();
            assertThat(reader.healthid.exchangeForm.get()).isNull();
        }
    }

    @Test
    void aClerksTokenHealthidRefusesEndsTheReadBeforeTheCardOrTheChallengeIsTouched() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card)) {
            // what Keycloak answers for a subject token that does not name the clinic's client in aud
            reader.healthid.refuseExchange = "Requester is not within the token audience";

            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, withClerk(card, "a-citizens-token"));

            assertThat(answer.statusCode()).isEqualTo(403);
            JsonNode error = ServeFixture.json(answer).path("error");
            assertThat(error.path("code").asText()).isEqualTo("READER_STAFF_TOKEN_REFUSED");
            assertThat(error.path("detail").asText()).isEqualTo("400 Requester is not within the token audience");
            assertThat(error.path("message_vi").asText()).contains("đăng nhập lại");
            assertThat(answer.body()).doesNotContain("access_token");
            assertThat(reader.card.apdus()).isZero();
            assertThat(reader.healthid.challengeForm.get()).isNull();
            assertThat(reader.healthid.tokenForm.get()).isNull();
        }
    }

    @Test
    void aClerkTokenThatIsNotAStringOrIsEmptyIsABadRequest() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card)) {
            String key = typed(card);
            for (String clerk : new String[] {"42", "{\"token\":\"x\"}", "\"\""}) {
                String body = key.substring(0, key.length() - 1) + ",\"clerk_token\":" + clerk + "}";

                HttpResponse<String> answer = reader.post(ServeFixture.PAGE, body);

                assertThat(answer.statusCode()).as(clerk).isEqualTo(400);
                assertThat(ServeFixture.json(answer).at("/error/code").asText()).isEqualTo("READER_BAD_REQUEST");
            }
            assertThat(reader.healthid.exchangeForm.get()).isNull();
            assertThat(reader.card.apdus()).isZero();
        }
    }

    private static ServeFixture fixture(Card card) throws Exception {
        return new ServeFixture(new EmulatedCardService(card), Sandbox.nonce(), Confirmation.AUTO_UNSAFE);
    }

    private static String typed(Card card) {
        AccessKey key = Sandbox.keyOf(card);
        return "{\"mrz\":{\"number\":\"" + card.citizen().number() + "\",\"birth\":\"" + key.dateOfBirth()
                + "\",\"expiry\":\"" + card.citizen().dateOfExpiry() + "\"}}";
    }

    private static String withClerk(Card card, String clerkToken) {
        String key = typed(card);
        return key.substring(0, key.length() - 1) + ",\"clerk_token\":\"" + clerkToken + "\"}";
    }
}
