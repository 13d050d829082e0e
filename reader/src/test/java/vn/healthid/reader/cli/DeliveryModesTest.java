package vn.healthid.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthid.identity.chip.Proof;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.send.ClientSecret;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** {@code grant} and {@code login}: the requests the reader sends (docs/chip-login.md sections 1 to 3). */
class DeliveryModesTest {

    private final Sandbox sandbox = Sandbox.get();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void grantAsksAChallengeReadsTheCardAndPostsTheBundleToTheTokenEndpoint() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (HealthidStandIn healthid = new HealthidStandIn(Sandbox.nonce())) {
            Path secret = dir.resolve("secret");
            Files.writeString(secret, "clinic-secret\n");

            int exit = command(card, Map.of())
                    .run(args(
                            card,
                            "grant",
                            "--realm-url",
                            healthid.realmUrl(),
                            "--client-id",
                            "clinic-reception",
                            "--client-secret-file",
                            secret.toString()));

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(healthid.challengeForm.get())
                    .containsEntry("client_id", "clinic-reception")
                    .containsEntry("client_secret", "clinic-secret");
            Map<String, String> token = healthid.tokenForm.get();
            assertThat(token)
                    .containsEntry("grant_type", HealthidClient.GRANT_TYPE)
                    .containsEntry("client_secret", "clinic-secret");
            var result = sandbox.verifier()
                    .verify(
                            token.get("chip_bundle").getBytes(StandardCharsets.UTF_8),
                            ChipBundle.decodeNonce(healthid.challenge));
            assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("access_token");
        }
    }

    @Test
    void grantTakesTheSecretFromTheEnvironmentAndRefusesWithoutOne() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (HealthidStandIn healthid = new HealthidStandIn(Sandbox.nonce())) {
            String[] args = args(card, "grant", "--realm-url", healthid.realmUrl(), "--client-id", "clinic-reception");

            assertThat(command(card, Map.of()).run(args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("SECRET_MISSING");
            assertThat(healthid.challengeForm.get()).isNull();

            assertThat(command(card, Map.of(ClientSecret.ENVIRONMENT, "from-env"))
                            .run(args))
                    .isZero();
            assertThat(healthid.tokenForm.get()).containsEntry("client_secret", "from-env");
        }
    }

    @Test
    void loginPostsTheBundleToThePhoneCallbackOfTheDeepLink() throws Exception {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(vn.healthid.sandbox.cards.AaKey.EC_P256_SHA256));
        try (HealthidStandIn healthid = new HealthidStandIn(Sandbox.nonce())) {
            String callback = healthid.realmUrl() + "/cccd/phone/" + healthid.challenge;
            String link = "healthid-chip://login?realm=clinic&callback="
                    + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&client=sandbox-web&challenge="
                    + healthid.challenge;

            int exit = command(card, Map.of()).run(args(card, "login", link, "--allowed-hosts", "127.0.0.1"));

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            var result = sandbox.verifier()
                    .verify(
                            healthid.phoneBody.get().getBytes(StandardCharsets.UTF_8),
                            ChipBundle.decodeNonce(healthid.challenge));
            assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        }
    }

    @Test
    void loginRefusesACallbackOnAHostThatIsNotAllowedBeforeReadingTheCard() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        String challenge = Sandbox.nonce();
        String link = "healthid-chip://login?challenge=" + challenge + "&callback="
                + URLEncoder.encode("https://evil.example/realms/x/cccd/phone/" + challenge, StandardCharsets.UTF_8);

        int exit = command(service, Map.of()).run(args(card, "login", link, "--allowed-hosts", "id.healthid.vn"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DEEP_LINK_INVALID");
        assertThat(service.apdus()).isZero();
    }

    private CccdReaderCommand command(Card card, Map<String, String> environment) {
        return command(new EmulatedCardService(card), environment);
    }

    private CccdReaderCommand command(EmulatedCardService service, Map<String, String> environment) {
        return new CccdReaderCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (name, wait, extended) -> service,
                new HealthidClient(),
                environment);
    }

    private static String[] args(Card card, String... modeAndMore) {
        AccessKey key = Sandbox.keyOf(card);
        String[] mrz = {
            "--mrz-number", card.citizen().number(), "--birth", key.dateOfBirth(), "--expiry", key.dateOfExpiry()
        };
        String[] all = java.util.Arrays.copyOf(modeAndMore, modeAndMore.length + mrz.length);
        System.arraycopy(mrz, 0, all, modeAndMore.length, mrz.length);
        return all;
    }
}
