package vn.healthid.identity.keycloak.vneid.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException.Reason;

/**
 * Every VNeID quirk in one place, with no HTTP and no Keycloak: the encrypted authorization code, the form-encoded
 * token request, and the encrypted token and userinfo responses. Keycloak's OIDC broker does the rest (state, PKCE,
 * redirects); there is no id_token and no nonce, so the login rests on state + PKCE and the userinfo answer.
 */
public final class VneidWireAdapter {

    private final EnvelopeDecryptor decryptor;
    private final boolean codeEncrypted;

    public VneidWireAdapter(EnvelopeDecryptor decryptor, boolean codeEncrypted) {
        this.decryptor = decryptor;
        this.codeEncrypted = codeEncrypted;
    }

    /**
     * The code to send to the token endpoint. When encrypted, the {@code code} parameter is base64url of the same
     * {@code {data, key}} envelope, whose plaintext is {@code {"code": "..."}} (UNVERIFIED, see docs/vneid.md).
     */
    public String authorizationCode(String codeParameter) throws VneidWireException {
        if (codeParameter == null || codeParameter.isBlank()) {
            throw new VneidWireException(Reason.ENVELOPE_MALFORMED, "no code");
        }
        if (!codeEncrypted) {
            return codeParameter;
        }
        String envelope;
        try {
            envelope = new String(EnvelopeDecryptor.Base64Text.decode(codeParameter), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new VneidWireException(Reason.ENVELOPE_MALFORMED, "code is not base64", e);
        }
        return requiredText(decryptor.open(envelope), "code", Reason.ENVELOPE_MALFORMED);
    }

    public TokenRequest tokenRequest(
            String code, String redirectUri, String clientId, String clientSecret, String codeVerifier) {
        return TokenRequest.authorizationCode(code, redirectUri, clientId, clientSecret, codeVerifier);
    }

    /** The access token of an encrypted token response. */
    public String accessToken(String tokenResponseBody) throws VneidWireException {
        return requiredText(decryptor.open(tokenResponseBody), "access_token", Reason.TOKEN_MISSING);
    }

    /** The claims of an encrypted userinfo response. */
    public VneidClaims userInfo(String userInfoBody) throws VneidWireException {
        return VneidClaims.from(decryptor.open(userInfoBody));
    }

    private static String requiredText(JsonNode node, String field, Reason reason) throws VneidWireException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new VneidWireException(reason, "no " + field);
        }
        return value.asText();
    }
}
