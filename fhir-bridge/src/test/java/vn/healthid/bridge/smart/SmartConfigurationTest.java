package vn.healthid.bridge.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;

@Tag("conformance")
class SmartConfigurationTest extends BridgeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode configuration(String path) {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void publishesRequiredFieldsWithEndpointsFromTheRealmsDiscovery() {
        JsonNode doc = configuration("/fhir/.well-known/smart-configuration");

        assertThat(doc.get("issuer").asString()).isEqualTo(ISSUER.issuer());
        assertThat(doc.get("jwks_uri").asString()).isEqualTo(ISSUER.jwksUri());
        assertThat(doc.get("authorization_endpoint").asString())
                .isEqualTo(ISSUER.issuer() + "/protocol/openid-connect/auth");
        assertThat(doc.get("token_endpoint").asString()).isEqualTo(ISSUER.issuer() + "/protocol/openid-connect/token");
        assertThat(doc.get("grant_types_supported").toString()).contains("authorization_code", "client_credentials");
        assertThat(doc.get("capabilities").toString())
                .contains("launch-standalone", "launch-ehr", "permission-v2", "sso-openid-connect");
        assertThat(doc.get("revocation_endpoint").asString()).endsWith("/revoke");
        assertThat(doc.get("introspection_endpoint").asString()).endsWith("/introspect");
        assertThat(doc.get("scopes_supported").toString()).contains("patient/Patient.rs", "system/Patient.rs");
        assertThat(doc.get("response_types_supported").toString()).contains("code");
        assertThat(doc.get("management_endpoint").asString()).endsWith("/account");
    }

    @Test
    void advertisesOnlyTheRealmsScopesForServedTypesAndTheLaunchAndIdentityScopes() {
        JsonNode doc = configuration("/fhir/.well-known/smart-configuration");

        assertThat(strings(doc.get("scopes_supported")))
                .containsExactly(
                        "openid",
                        "profile",
                        "email",
                        "fhirUser",
                        "launch",
                        "launch/patient",
                        "patient/Patient.rs",
                        "patient/Appointment.cruds",
                        "user/Patient.rs",
                        "system/Patient.rs");
    }

    @Test
    void claimsOnlyCapabilitiesThatTheRealmsScopesMakeTrue() {
        JsonNode doc = configuration("/fhir/.well-known/smart-configuration");

        assertThat(strings(doc.get("capabilities")))
                .containsExactlyInAnyOrder(
                        "launch-standalone",
                        "context-standalone-patient",
                        "launch-ehr",
                        "context-ehr-patient",
                        "context-ehr-encounter",
                        "client-public",
                        "client-confidential-symmetric",
                        "sso-openid-connect",
                        "authorize-post",
                        "permission-patient",
                        "permission-user",
                        "permission-v2");
        assertThat(strings(doc.get("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post");
    }

    private static java.util.List<String> strings(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    @Test
    void offersPkceS256OnlyEvenWhenTheRealmAlsoAllowsPlain() {
        JsonNode doc = configuration("/fhir/.well-known/smart-configuration");

        assertThat(doc.get("code_challenge_methods_supported").size()).isEqualTo(1);
        assertThat(doc.get("code_challenge_methods_supported").get(0).asString())
                .isEqualTo("S256");
    }

    @Test
    void isAlsoServedAtTheServerRoot() {
        assertThat(configuration("/.well-known/smart-configuration")
                        .get("issuer")
                        .asString())
                .isEqualTo(ISSUER.issuer());
    }
}
