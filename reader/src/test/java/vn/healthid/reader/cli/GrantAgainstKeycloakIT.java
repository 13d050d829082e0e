package vn.healthid.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.identity.keycloak.support.BrowserLogin;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.LevelOneClient;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.reader.send.ClientSecret;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/**
 * {@code cccd-reader grant} end to end against the real Keycloak with the healthid extension (one server for the
 * suite, identity-spi's IT support): challenge from Keycloak, BAC and file reads through JMRTD over the emulated
 * chip, AA over the challenge, the bundle posted to the chip grant (or, at a kiosk, to a browser login's phone
 * callback), and the level Keycloak put in the token.
 */
class GrantAgainstKeycloakIT {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer server;
    private static Oidc oidc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = AaKey.class,
            names = {"RSA_2048_SHA256", "EC_P256_SHA256", "RSA_1024_SHA1"})
    void aCardWithActiveAuthenticationReadThroughTheReaderIsChipAaInKeycloak(AaKey aaKey) throws Exception {
        Citizen citizen = citizenWithExpiry();
        Card card = server.cards().issue(citizen, CardSpec.defaults().withAaKey(aaKey));

        int exit = grant(new EmulatedCardService(card), card, birthOf(citizen));

        assertThat(exit).as(err()).isZero();
        assertThat(err()).contains("AA yes");
        JsonNode token = accessTokenOf(out());
        assertThat(token.get("acr").asText()).isEqualTo("urn:vn:healthid:acr:chip-aa");
        assertThat(token.get("national_id").asText()).isEqualTo(citizen.number());
        assertThat(token.get("azp").asText()).isEqualTo(Oidc.CLINIC);
    }

    @Test
    void aCardWithoutDg15ReachesPassiveOnlyAtAKioskLoginAndTheTokenIsChipPa() {
        // The back channel asks for active authentication by default (proof-required, docs/chip-login.md); a
        // passive-only card reaches chip-pa in a browser login of a client that asks for level 1 only.
        Citizen citizen = citizenWithExpiry();
        Card card = server.cards().issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE));
        try (BrowserLogin browser = new BrowserLogin(server)) {
            BrowserLogin.Attempt login = browser.start(LevelOneClient.ensure(server), null);
            String link = "healthid-chip://login?challenge=" + login.challenge() + "&callback="
                    + URLEncoder.encode(server.realmUrl() + "/cccd/phone/" + login.challenge(), StandardCharsets.UTF_8);

            int exit = command(new EmulatedCardService(card))
                    .run(withKey(card, birthOf(citizen), "login", link, "--allowed-hosts", "localhost"));

            assertThat(exit).as(err()).isZero();
            assertThat(err()).contains("AA no").doesNotContain("DG15");
            JsonNode token = Oidc.claims(login.continueLogin()
                    .itsMe()
                    .exchangeCode()
                    .get("access_token")
                    .asText());
            assertThat(token.get("acr").asText()).isEqualTo("urn:vn:healthid:acr:chip-pa");
            assertThat(token.at("/verified_claims/verification/evidence/0/method")
                            .asText())
                    .isEqualTo("chip_pa");
            assertThat(token.get("fhirUser").asText()).matches("Patient/p[a-z2-7]{32}");
        }
    }

    @Test
    void aCardWithoutDg15IsRefusedOnTheBackChannelWhichAsksForActiveAuthentication() {
        Citizen citizen = citizenWithExpiry();
        Card card = server.cards().issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE));

        int exit = grant(new EmulatedCardService(card), card, birthOf(citizen));

        assertThat(exit).isEqualTo(7);
        assertThat(err()).contains("SERVER_REFUSED").contains("PROOF_INSUFFICIENT");
        assertThat(out()).as("no token").isEmpty();
    }

    @Test
    void aWrongBacKeyIsRefusedByTheChipAndNoBundleReachesKeycloak() {
        Citizen citizen = citizenWithExpiry();
        Card card = server.cards().issue(citizen, CardSpec.defaults());
        int logins = oidc.events("LOGIN").size();
        int refusals = oidc.events("LOGIN_ERROR").size();
        String wrongBirth = citizen.dateOfBirth().plusDays(1).format(YYMMDD);

        int exit = grant(new EmulatedCardService(card), card, wrongBirth);

        assertThat(exit).isEqualTo(4);
        assertThat(err())
                .contains("ACCESS_CONTROL_FAILED")
                .contains("wrong date of birth or expiry for this card: access control failed");
        assertThat(out()).as("no token").isEmpty();
        // Only the challenge was asked for (the nonce AA signs); the token endpoint saw no grant at all.
        assertThat(oidc.events("LOGIN")).hasSize(logins);
        assertThat(oidc.events("LOGIN_ERROR")).hasSize(refusals);
    }

    private int grant(EmulatedCardService chip, Card card, String birth) {
        return command(chip)
                .run(withKey(card, birth, "grant", "--realm-url", server.realmUrl(), "--client-id", Oidc.CLINIC));
    }

    private CccdReaderCommand command(EmulatedCardService chip) {
        return new CccdReaderCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (name, wait, extended) -> chip,
                new HealthidClient(),
                Map.of(ClientSecret.ENVIRONMENT, Oidc.CLINIC_SECRET));
    }

    /** The mode's arguments, then the card key as the clerk types it. */
    private static String[] withKey(Card card, String birth, String... mode) {
        List<String> args = new ArrayList<>(List.of(mode));
        args.addAll(List.of(
                "--mrz-number",
                card.citizen().number(),
                "--birth",
                birth,
                "--expiry",
                card.citizen().dateOfExpiry().format(YYMMDD)));
        return args.toArray(String[]::new);
    }

    /** The sandbox also has cards without an expiry (older citizens); these tests type one. */
    private static Citizen citizenWithExpiry() {
        while (true) {
            Citizen citizen = server.cards().freshCitizen();
            if (citizen.dateOfExpiry() != null) {
                return citizen;
            }
        }
    }

    private static String birthOf(Citizen citizen) {
        return citizen.dateOfBirth().format(YYMMDD);
    }

    private static JsonNode accessTokenOf(String tokenResponse) throws Exception {
        return Oidc.claims(JSON.readTree(tokenResponse).get("access_token").asText());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
