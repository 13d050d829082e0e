package vn.healthid.identity.keycloak.vneid.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization-code token request in VNeID's form: a form-urlencoded POST with the client credentials in the body
 * (client_secret_post) and the PKCE verifier; no JSON, no HTTP Basic.
 */
public record TokenRequest(Map<String, String> fields) {

    public TokenRequest {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static TokenRequest authorizationCode(
            String code, String redirectUri, String clientId, String clientSecret, String codeVerifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        fields.put("code_verifier", codeVerifier);
        return new TokenRequest(fields);
    }

    public String body() {
        return FormBody.encode(fields);
    }

    @Override
    public String toString() {
        return "TokenRequest" + fields.keySet(); // never the secret, the code or the verifier
    }
}
