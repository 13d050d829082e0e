package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardFileTest {

    private static final String NONCE = "q3J8m5bV0nW0yH1bTq8ZkA";

    private final CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());

    @Test
    void cardReadBackFromItsFileAnswersFreshChallenges() throws Exception {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        Card restored = Card.fromJson(card.toJson());
        assertThat(restored.citizen()).isEqualTo(card.citizen());
        assertThat(restored.aaKey()).isEqualTo(AaKey.EC_P256_SHA256);
        assertThat(restored.files()).containsOnlyKeys(card.files().keySet());
        card.files()
                .forEach((name, bytes) -> assertThat(restored.files().get(name)).isEqualTo(bytes));
        byte[] rnd = AaChallenge.derive(new byte[] {9, 9, 9});
        assertThat(AaVerifier.verifies(card.files(), rnd, restored.answerChallenge(rnd)))
                .isTrue();
    }

    @Test
    void bundleFollowsTheWireFormatAndSignsTheDerivedChallenge() throws Exception {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults());
        JsonNode bundle = new ObjectMapper().readTree(card.bundleJson(NONCE));
        assertThat(bundle.path("format").asText()).isEqualTo("healthid-chip-bundle/1");
        assertThat(bundle.path("challenge").asText()).isEqualTo(NONCE);
        Map<String, byte[]> files = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = bundle.path("files").fields();
        fields.forEachRemaining(f ->
                files.put(f.getKey(), Base64.getDecoder().decode(f.getValue().asText())));
        assertThat(files).containsOnlyKeys(card.files().keySet());
        byte[] signature = Base64.getDecoder().decode(bundle.path("aaSignature").asText());
        byte[] rnd = AaChallenge.derive(Base64.getUrlDecoder().decode(NONCE));
        assertThat(AaVerifier.verifies(files, rnd, signature)).isTrue();
    }

    @Test
    void rejectsTextThatIsNotACardFile() {
        assertThatThrownBy(() -> Card.fromJson("{\"format\":\"something-else\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Card.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
