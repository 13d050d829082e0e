package vn.healthid.bridge.smart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART App Launch v2 {@code .well-known/smart-configuration}: the required fields (issuer,
 * jwks_uri, authorization and token endpoints, grant types, capabilities, PKCE methods) and the
 * recommended ones (scopes, response types, management, introspection and revocation endpoints).
 *
 * <p>It advertises only what works (docs/smart.md, "Discovery"): {@code scopes_supported} are the
 * realm's published client scopes that are SMART v2 scopes of a resource type this bridge serves,
 * or the launch and identity scopes; capabilities follow from those scopes. PKCE is S256 only;
 * {@code plain} is never offered. The conformance suite (conformance/) requests every advertised
 * scope through Keycloak and fails on a refusal or on a granted scope that is not advertised.
 */
public final class SmartConfiguration {

    /**
     * Non-resource scopes that the realm may grant: SMART's (SMART App Launch 2.0, scopes) and {@code email}, an
     * optional scope of the clinic clients (granted when asked).
     */
    private static final List<String> CONTEXT_SCOPES =
            List.of("openid", "profile", "email", "fhirUser", "launch", "launch/patient", "offline_access");

    private static final Pattern RESOURCE_SCOPE =
            Pattern.compile("^(patient|user|system)/([A-Z][A-Za-z]{1,63})\\.(c?r?u?d?s?)$");

    /** True whatever the realm's scopes: Keycloak's OIDC endpoints, public PKCE clients, secrets, POST to authorize. */
    private static final List<String> ALWAYS =
            List.of("client-public", "client-confidential-symmetric", "sso-openid-connect", "authorize-post");

    private final AuthorizationEndpoints endpoints;
    private final Set<String> servedTypes;
    private final String managementEndpoint;

    public SmartConfiguration(AuthorizationEndpoints endpoints, List<String> servedTypes, String issuer) {
        this.endpoints = endpoints;
        this.servedTypes = Set.copyOf(servedTypes);
        this.managementEndpoint = issuer + "/account";
    }

    /** The document, or empty when the realm's discovery has never answered. */
    public Optional<Map<String, Object>> document() {
        return endpoints.current().map(this::document);
    }

    private Map<String, Object> document(AuthorizationEndpoints.Endpoints found) {
        List<String> scopes = scopes(found.scopes());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", found.issuer());
        doc.put("jwks_uri", found.jwksUri());
        doc.put("authorization_endpoint", found.authorizationEndpoint());
        doc.put("token_endpoint", found.tokenEndpoint());
        doc.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("scopes_supported", scopes);
        doc.put("response_types_supported", List.of("code"));
        doc.put("management_endpoint", managementEndpoint);
        putIfKnown(doc, "introspection_endpoint", found.introspectionEndpoint());
        putIfKnown(doc, "revocation_endpoint", found.revocationEndpoint());
        doc.put("capabilities", capabilities(scopes));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        return doc;
    }

    private List<String> scopes(List<String> realmScopes) {
        List<String> scopes = new ArrayList<>();
        for (String scope : realmScopes) {
            if (CONTEXT_SCOPES.contains(scope) || servedResourceScope(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private boolean servedResourceScope(String scope) {
        Matcher matcher = RESOURCE_SCOPE.matcher(scope);
        return matcher.matches() && !matcher.group(3).isEmpty() && servedTypes.contains(matcher.group(2));
    }

    private static List<String> capabilities(List<String> scopes) {
        List<String> capabilities = new ArrayList<>();
        if (scopes.contains("launch/patient")) {
            capabilities.add("launch-standalone");
            capabilities.add("context-standalone-patient");
        }
        if (scopes.contains("launch")) {
            // the extension's launch registration (identity-spi, package launch) binds a patient and an encounter
            capabilities.add("launch-ehr");
            capabilities.add("context-ehr-patient");
            capabilities.add("context-ehr-encounter");
        }
        capabilities.addAll(ALWAYS);
        if (scopes.stream().anyMatch(scope -> scope.startsWith("patient/"))) {
            capabilities.add("permission-patient");
        }
        if (scopes.stream().anyMatch(scope -> scope.startsWith("user/"))) {
            capabilities.add("permission-user");
        }
        if (scopes.contains("offline_access")) {
            capabilities.add("permission-offline");
        }
        if (scopes.stream().anyMatch(scope -> RESOURCE_SCOPE.matcher(scope).matches())) {
            capabilities.add("permission-v2");
        }
        return capabilities;
    }

    private static void putIfKnown(Map<String, Object> doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.put(field, value);
        }
    }
}
