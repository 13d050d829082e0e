package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/** The clinic back channel over HTTP against a real Keycloak with the extension deployed. */
class ClinicBackChannelIT {

    private static final String WORKSTATION = "clinic-workstation";
    private static final String WORKSTATION_SECRET = "sandbox-clinic-workstation-secret";
    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @Test
    void clinicGetsShortLivedCitizenTokenCarryingChipLevelAndVerifiedClaims() {
        Citizen citizen = server.cards().freshCitizen();
        Card card = server.cards().issue(citizen, CardSpec.defaults());

        Oidc.Response response = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.get("expires_in").asInt()).isBetween(295, 300);
        JsonNode token = Oidc.claims(body.get("access_token").asText());
        assertThat(token.get("exp").asLong() - token.get("iat").asLong()).isEqualTo(300);
        assertThat(token.get("typ").asText()).isEqualTo("Bearer");
        assertThat(token.get("acr").asText()).isEqualTo("urn:vn:healthid:acr:chip-aa");
        assertThat(token.get("azp").asText()).isEqualTo(Oidc.CLINIC);
        assertThat(token.at("/act/client_id").asText()).isEqualTo(Oidc.CLINIC);
        assertThat(token.get("aud").toString()).contains("fhir-bridge");
        assertThat(token.get("national_id").asText()).isEqualTo(citizen.number());
        assertThat(token.get("fhirUser").asText()).matches("Patient/p[a-z2-7]{32}");
        JsonNode verified = token.get("verified_claims");
        assertThat(verified.at("/verification/trust_framework").asText()).isEqualTo("vn_cccd");
        assertThat(verified.at("/verification/evidence/0/method").asText()).isEqualTo("chip");
        assertThat(verified.at("/verification/evidence/0/document_details/issuer/country_code")
                        .asText())
                .isEqualTo("VNM");
        assertThat(verified.at("/claims/national_id").asText()).isEqualTo(citizen.number());
        assertThat(verified.at("/claims/birthdate").asText())
                .isEqualTo(citizen.dateOfBirth().toString());
        assertThat(verified.at("/claims/gender").asText())
                .isEqualTo(citizen.sex().name().toLowerCase());
    }

    @Test
    void sameCitizenIsTheSameUserOnEveryCardRead() {
        Citizen citizen = server.cards().freshCitizen();
        String first = subjectOf(server.cards().issue(citizen, CardSpec.defaults()));
        String second =
                subjectOf(server.cards().issue(citizen, CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void rejectsReplayedChallengeAndRecordsEvent() {
        Citizen citizen = server.cards().freshCitizen();
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        assertThat(oidc.chipGrant(bundle).status()).isEqualTo(200);

        Oidc.Response replay = oidc.chipGrant(bundle);

        assertRejected(replay, "CHALLENGE_NOT_ISSUED", citizen);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TAMPERED_DG13, DG_HASH_MISMATCH",
        "UNKNOWN_CSCA, CHAIN_UNTRUSTED_ISSUER",
        "AA_KEY_MISMATCH, AA_SIGNATURE_INVALID",
        "EXPIRED_CARD, CARD_EXPIRED"
    })
    void rejectsFaultyCardWithItsReasonAndRecordsEvent(CardFault fault, String reason) {
        Citizen citizen = server.cards().freshCitizen();
        Card card = server.cards().issue(citizen, CardSpec.defaults().withFault(fault));

        Oidc.Response response = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));

        assertRejected(response, reason, citizen);
    }

    @Test
    void rejectsChallengeIssuedToAnotherClient() {
        Citizen citizen = server.cards().freshCitizen();
        String foreign = oidc.challenge(WORKSTATION, WORKSTATION_SECRET);
        Oidc.Response response = oidc.chipGrant(
                server.cards().issue(citizen, CardSpec.defaults()).bundleJson(foreign));
        assertRejected(response, "CHALLENGE_NOT_ISSUED", citizen);
    }

    @Test
    void anotherClientCannotBurnAChallengeItWasNotIssued() {
        Citizen citizen = server.cards().freshCitizen();
        String challenge = oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET);
        String bundle = server.cards().issue(citizen, CardSpec.defaults()).bundleJson(challenge);

        Oidc.Response thief = oidc.chipGrant(WORKSTATION, WORKSTATION_SECRET, bundle);
        assertThat(thief.status()).isIn(400, 401);

        Oidc.Response owner = oidc.chipGrant(bundle);
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
    }

    @Test
    void publicClientGetsNoChallenge() {
        Oidc.Response response =
                oidc.postForm(server.realmUrl() + "/cccd/challenge", Map.of("client_id", "patient-portal"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void rejectsOversizedBundleBeforeParsing() {
        String oversized = "{\"format\":\"" + "x".repeat(KeycloakServer.MAX_BUNDLE_BYTES) + "\"}";
        Oidc.Response response = oidc.chipGrant(oversized);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_description").asText()).isEqualTo("BUNDLE_TOO_LARGE");
    }

    @Test
    void challengeEndpointRequiresClientAuthentication() {
        Oidc.Response response = oidc.postForm(
                server.realmUrl() + "/cccd/challenge", Map.of("client_id", Oidc.CLINIC, "client_secret", "wrong"));
        assertThat(response.status()).isEqualTo(401);
    }

    private static String subjectOf(Card card) {
        Oidc.Response response = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Oidc.claims(response.json().get("access_token").asText())
                .get("sub")
                .asText();
    }

    private static void assertRejected(Oidc.Response response, String reason, Citizen citizen) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(response.json().get("error_description").asText()).isEqualTo(reason);
        String masked =
                citizen.number().substring(0, 4) + "******" + citizen.number().substring(10);
        assertThat(oidc.events("LOGIN_ERROR")).anySatisfy(event -> {
            assertThat(event.get("clientId").asText()).isEqualTo(Oidc.CLINIC);
            assertThat(event.get("error").asText()).isEqualTo("invalid_chip");
            assertThat(event.at("/details/reason").asText()).isEqualTo(reason);
            assertThat(event.at("/details/card").asText()).isEqualTo(masked);
        });
        assertThat(oidc.events("LOGIN_ERROR").toString()).doesNotContain(citizen.number());
    }
}
