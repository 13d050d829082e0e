package vn.healthid.identity.keycloak.vneid.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthid.identity.keycloak.service.ChipSettings;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.identity.keycloak.user.PatientIds;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/** VNeID brokering in the real Keycloak: levels, linking to chip-created accounts, the wire format and its failures. */
class VneidBrokerIT {

    private static final String VNEID_1 = "urn:vn:healthid:acr:vneid-1";
    private static final String VNEID_2 = "urn:vn:healthid:acr:vneid-2";
    private static final String CHIP_AA = "urn:vn:healthid:acr:chip-aa";

    private static VneidFixture fixture;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloakWithVneid() {
        fixture = VneidFixture.get();
        oidc = new Oidc(fixture.server());
    }

    @BeforeEach
    void standInIsHealthy() {
        fixture.standIn().fault("NONE");
    }

    @Test
    void levelTwoLoginGivesATokenWithVneidLevelTwoAndThePatientIdButNoNationalId() {
        Citizen citizen = fixture.server().cards().freshCitizen();
        String username = sandboxUser(citizen, 2);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            JsonNode token = browser.start(VneidFixture.CLIENT, VneidFixture.IDP_STANDARD, null)
                    .signInAtSandbox(username)
                    .accessToken();

            assertThat(token.get("acr").asText()).isEqualTo(VNEID_2);
            assertThat(token.has("national_id")).isFalse(); // a public client: fhirUser names the citizen
            assertThat(token.get("fhirUser").asText())
                    .isEqualTo("Patient/"
                            + new PatientIds(ChipSettings.SANDBOX_PATIENT_ID_KEY).forNationalId(citizen.number()));
            assertThat(token.get("preferred_username").asText()).doesNotContain(citizen.number());
            assertThat(token.at("/verified_claims/verification/evidence/0/type").asText())
                    .isEqualTo("electronic_record");
            assertThat(token.at("/verified_claims/verification/evidence/0/method")
                            .asText())
                    .isEqualTo("vneid");
        }
        JsonNode user = fixture.healthUsers(citizen.number()).get(0);
        JsonNode link = fixture.federatedIdentities(user.get("id").asText()).get(0);
        assertThat(link.get("identityProvider").asText()).isEqualTo(VneidFixture.IDP_STANDARD);
        assertThat(link.get("userId").asText())
                .isEqualTo(user.get("username").asText())
                .doesNotContain(citizen.number());
        assertThat(user.path("attributes").fieldNames()).toIterable().noneMatch(name -> name.startsWith("vneid."));
    }

    @Test
    void levelOneLoginIsRefusedWhenTheMinimumIsTwoAndCreatesNoUser() {
        Citizen citizen = fixture.server().cards().freshCitizen();
        String username = sandboxUser(citizen, 1);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            browser.start(VneidFixture.CLIENT, VneidFixture.IDP_STANDARD, null).signInAtSandbox(username);

            assertThat(browser.status()).isEqualTo(403);
            assertThat(browser.text()).contains("VNEID_LEVEL_TOO_LOW").doesNotContain("Exception");
        }
        assertThat(fixture.healthUsers(citizen.number())).isEmpty();
        assertThat(refusals("VNEID_LEVEL_TOO_LOW")).isPositive();
    }

    @Test
    void vneidLoginOfAChipCreatedUserEndsInTheSameAccount() {
        Citizen citizen = fixture.server().cards().freshCitizen();
        Card card = fixture.server().cards().issue(citizen, CardSpec.defaults());
        Oidc.Response chip = oidc.chipGrant(card.bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        assertThat(chip.status()).as(chip.body()).isEqualTo(200);
        String chipSubject =
                Oidc.claims(chip.json().get("access_token").asText()).get("sub").asText();
        String username = sandboxUser(citizen, 2);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            JsonNode token = browser.start(VneidFixture.CLIENT, VneidFixture.IDP_STANDARD, null)
                    .signInAtSandbox(username)
                    .accessToken();

            assertThat(token.get("sub").asText()).isEqualTo(chipSubject);
            assertThat(token.get("acr").asText()).isEqualTo(VNEID_2);
        }
        assertThat(fixture.healthUsers(citizen.number())).hasSize(1);
    }

    @Test
    void ambiguousNationalIdIsRefusedAndNothingIsLinked() {
        Citizen citizen = fixture.server().cards().freshCitizen();
        fixture.adminCreatedHealthUser("it-dup-a-" + citizen.number(), citizen.number());
        fixture.adminCreatedHealthUser("it-dup-b-" + citizen.number(), citizen.number());
        String username = sandboxUser(citizen, 2);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            browser.start(VneidFixture.CLIENT, VneidFixture.IDP_STANDARD, null).signInAtSandbox(username);

            assertThat(browser.reachedClient()).isFalse();
            assertThat(browser.text()).contains("VNEID_LINK_AMBIGUOUS");
        }
        assertThat(fixture.healthUsers(citizen.number())).hasSize(2);
        assertThat(refusals("VNEID_LINK_AMBIGUOUS")).isPositive();
    }

    @Test
    void wireFormatLoginThroughTheStandInGivesLevelTwoAndThePatientIdButNoNationalId() {
        Citizen citizen = standInAccount(2);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            JsonNode token = browser.start(VneidFixture.CLIENT, VneidFixture.IDP_WIRE, null)
                    .accessToken();

            assertThat(token.get("acr").asText()).isEqualTo(VNEID_2);
            assertThat(token.has("national_id")).isFalse(); // a public client: fhirUser names the citizen
            assertThat(token.get("fhirUser").asText())
                    .isEqualTo("Patient/"
                            + new PatientIds(ChipSettings.SANDBOX_PATIENT_ID_KEY).forNationalId(citizen.number()));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "TAMPER_TOKEN_RESPONSE, VNEID_PAYLOAD_TAMPERED",
        "TAMPER_USERINFO, VNEID_PAYLOAD_TAMPERED",
        "WRONG_RECIPIENT_KEY, VNEID_KEY_UNWRAP_FAILED"
    })
    void tamperedOrMisaddressedPayloadGivesAClearErrorAndCreatesNoUser(String fault, String reason) {
        Citizen citizen = standInAccount(2);
        fixture.standIn().fault(fault);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            browser.start(VneidFixture.CLIENT, VneidFixture.IDP_WIRE, null);

            assertThat(browser.status()).isEqualTo(502);
            assertThat(browser.text()).contains(reason).doesNotContain("Exception", "at org.");
        }
        assertThat(fixture.healthUsers(citizen.number())).isEmpty();
        assertThat(refusals(reason)).isPositive();
    }

    @Test
    void vneidDownGivesAClearErrorPage() {
        Citizen citizen = standInAccount(2);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            browser.start(VneidFixture.CLIENT, VneidFixture.IDP_DOWN, null);

            assertThat(browser.status()).isEqualTo(502);
            assertThat(browser.text()).contains("VNEID_UNAVAILABLE").doesNotContain("Exception", "at org.");
        }
        assertThat(fixture.healthUsers(citizen.number())).isEmpty();
    }

    @Test
    void vneidTimingOutGivesAClearErrorPage() {
        Citizen citizen = standInAccount(2);
        fixture.standIn().fault("SLOW");

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            browser.start(VneidFixture.CLIENT, VneidFixture.IDP_WIRE, null);

            assertThat(browser.status()).isEqualTo(502);
            assertThat(browser.text()).contains("VNEID_UNAVAILABLE").doesNotContain("Exception", "at org.");
        }
        assertThat(fixture.healthUsers(citizen.number())).isEmpty();
    }

    @Test
    void levelOneSessionStepsUpToTheChipForTheSameAccount() {
        Citizen citizen = fixture.server().cards().freshCitizen();
        String username = sandboxUser(citizen, 1);

        try (VneidBrowser browser = new VneidBrowser(fixture)) {
            JsonNode low = browser.start(VneidFixture.CLIENT, VneidFixture.IDP_LEVEL_1, null)
                    .signInAtSandbox(username)
                    .accessToken();
            assertThat(low.get("acr").asText()).isEqualTo(VNEID_1);

            browser.start("patient-portal", null, CHIP_AA);
            assertThat(browser.showsChipPage()).as(browser.text()).isTrue();
            String bundle =
                    fixture.server().cards().issue(citizen, CardSpec.defaults()).bundleJson(browser.chipChallenge());
            JsonNode high = browser.phonePostsAndContinue(bundle).accessToken();

            assertThat(high.get("acr").asText()).isEqualTo(CHIP_AA);
            assertThat(high.get("sub").asText()).isEqualTo(low.get("sub").asText());
        }
    }

    private static String sandboxUser(Citizen citizen, int level) {
        return fixture.sandboxUser(citizen.number(), citizen.fullName(), citizen.dateOfBirth(), level);
    }

    private static Citizen standInAccount(int level) {
        Citizen citizen = fixture.server().cards().freshCitizen();
        fixture.standIn()
                .register(
                        citizen.number(),
                        citizen.fullName(),
                        citizen.dateOfBirth().toString(),
                        level);
        fixture.standIn().signInAs(citizen.number());
        return citizen;
    }

    private static long refusals(String reason) {
        return oidc.events("LOGIN_ERROR").stream()
                .filter(e -> "vneid_login_refused".equals(e.path("error").asText()))
                .filter(e -> reason.equals(e.path("details").path("reason").asText()))
                .count();
    }
}
