package vn.healthid.bridge.smart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMART App Launch v2 {@code .well-known/smart-configuration}: the required fields (issuer,
 * jwks_uri, authorization and token endpoints, grant types, capabilities, PKCE methods) and the
 * recommended ones (scopes, response types, management, introspection and revocation endpoints).
 * PKCE is S256 only; {@code plain} is never offered.
 */
public final class SmartConfiguration {

    private static final List<String> CAPABILITIES = List.of(
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "client-confidential-asymmetric",
            "sso-openid-connect",
            "context-standalone-patient",
            "permission-patient",
            "permission-user",
            "permission-offline",
            "permission-v1",
            "permission-v2");

    private final AuthorizationEndpoints endpoints;
    private final List<String> servedTypes;
    private final String managementEndpoint;

    public SmartConfiguration(AuthorizationEndpoints endpoints, List<String> servedTypes, String issuer) {
        this.endpoints = endpoints;
        this.servedTypes = List.copyOf(servedTypes);
        this.managementEndpoint = issuer + "/account";
    }

    /** The document, or empty when the realm's discovery has never answered. */
    public Optional<Map<String, Object>> document() {
        return endpoints.current().map(this::document);
    }

    private Map<String, Object> document(AuthorizationEndpoints.Endpoints found) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", found.issuer());
        doc.put("jwks_uri", found.jwksUri());
        doc.put("authorization_endpoint", found.authorizationEndpoint());
        doc.put("token_endpoint", found.tokenEndpoint());
        doc.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        doc.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        doc.put("scopes_supported", scopes());
        doc.put("response_types_supported", List.of("code"));
        doc.put("management_endpoint", managementEndpoint);
        putIfKnown(doc, "introspection_endpoint", found.introspectionEndpoint());
        putIfKnown(doc, "revocation_endpoint", found.revocationEndpoint());
        doc.put("capabilities", CAPABILITIES);
        doc.put("code_challenge_methods_supported", List.of("S256"));
        return doc;
    }

    private List<String> scopes() {
        List<String> scopes =
                new ArrayList<>(List.of("openid", "profile", "fhirUser", "launch/patient", "offline_access"));
        for (String type : servedTypes) {
            scopes.add("patient/" + type + ".rs");
            scopes.add("user/" + type + ".rs");
            scopes.add("system/" + type + ".rs");
        }
        return scopes;
    }

    private static void putIfKnown(Map<String, Object> doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.put(field, value);
        }
    }
}
