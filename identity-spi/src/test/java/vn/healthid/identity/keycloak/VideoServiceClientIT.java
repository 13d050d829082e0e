package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;

/**
 * The sandbox realm's {@code video-service} (issue 14 item 12): a confidential client that gets, by client
 * credentials only, a token for the bridge with {@code system/Appointment.r} and nothing else, the scope the
 * bridge's {@code $redeem-ticket} needs; the bridge admits only this client to redeem
 * ({@code healthid.telehealth.video-service-clients}).
 */
class VideoServiceClientIT {

    private static final String CLIENT = "video-service";
    private static final String SECRET = "sandbox-video-service-secret";

    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        oidc = new Oidc(KeycloakServer.get());
    }

    @Test
    void clientCredentialsTokenCarriesOnlyTheTicketRedemptionScopeForTheBridge() {
        Oidc.Response response = oidc.postForm(
                oidc.tokenUrl(),
                Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().has("refresh_token")).isFalse();
        JsonNode token = Oidc.claims(response.json().get("access_token").asText());
        assertThat(token.get("scope").asText().split(" ")).containsExactly("system/Appointment.r");
        assertThat(token.get("azp").asText()).isEqualTo(CLIENT);
        assertThat(strings(token.get("aud"))).containsExactly("fhir-bridge");
        assertThat(token.get("acr").asText()).isEqualTo("urn:vn:healthid:acr:client");
        assertThat(token.has("realm_access")).isFalse();
        assertThat(token.has("resource_access")).isFalse();
        assertThat(token.has("fhirUser")).isFalse();
        assertThat(token.has("national_id")).isFalse();
        assertThat(token.has("sid")).isFalse();
    }

    @Test
    void askingForAScopeTheVideoServiceDoesNotHoldIsRefused() {
        for (String scope :
                List.of("system/Patient.rs", "patient/Patient.rs", "user/Appointment.cruds", "openid profile email")) {
            Oidc.Response response = oidc.postForm(
                    oidc.tokenUrl(),
                    Map.of(
                            "grant_type", "client_credentials",
                            "client_id", CLIENT,
                            "client_secret", SECRET,
                            "scope", scope));

            assertThat(response.status()).as(scope + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("invalid_scope");
        }
    }

    @Test
    void theVideoServiceSignsInNoPersonAndNeedsItsSecret() {
        Oidc.Response password = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type", "password",
                        "client_id", CLIENT,
                        "client_secret", SECRET,
                        "username", "clerk01",
                        "password", "sandbox-clerk01"));
        assertThat(password.status()).as(password.body()).isEqualTo(400);
        assertThat(password.json().get("error").asText()).isEqualTo("unauthorized_client");

        Oidc.Response wrongSecret = oidc.postForm(
                oidc.tokenUrl(),
                Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", "guessed"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("unauthorized_client");
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
