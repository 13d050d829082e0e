package vn.healthid.identity.keycloak.vneid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;
import vn.healthid.identity.keycloak.vneid.wire.EnvelopeDecryptor;
import vn.healthid.identity.keycloak.vneid.wire.RelyingPartyKey;
import vn.healthid.identity.keycloak.vneid.wire.TokenRequest;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireAdapter;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException;

/**
 * The back-channel of the VNeID wire format: code -> token -> userinfo over Keycloak's HTTP client (its timeouts,
 * proxies and trust store), the quirks delegated to {@link VneidWireAdapter}. Every failure is a {@link VneidRefusal}.
 */
final class VneidWireClient {

    private final KeycloakSession session;
    private final VneidIdentityProviderConfig config;

    VneidWireClient(KeycloakSession session, VneidIdentityProviderConfig config) {
        this.session = session;
        this.config = config;
    }

    VneidClaims login(String codeParameter, String redirectUri, String codeVerifier) {
        if (codeVerifier == null) {
            throw notConfigured("PKCE is off: VNeID sends no id_token, so PKCE and state are required", null);
        }
        VneidWireAdapter adapter = adapter();
        try {
            String code = adapter.authorizationCode(codeParameter);
            TokenRequest request = adapter.tokenRequest(
                    code, redirectUri, config.getClientId(), secret(config.getClientSecret()), codeVerifier);
            String accessToken = adapter.accessToken(tokenResponse(request));
            return adapter.userInfo(userInfoResponse(accessToken));
        } catch (VneidWireException e) {
            throw VneidRefusal.invalidAnswer("VNEID_" + e.reason().name(), e);
        }
    }

    private String tokenResponse(TokenRequest request) {
        SimpleHttpRequest post = http().doPost(config.getTokenUrl())
                .header("Accept", "application/json")
                .entity(new StringEntity(
                        request.body(), ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
        return send(post, "VNEID_TOKEN_REFUSED");
    }

    private String userInfoResponse(String accessToken) {
        SimpleHttpRequest get = http().doGet(config.getUserInfoUrl())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken);
        return send(get, "VNEID_USERINFO_REFUSED");
    }

    /** Keycloak's HTTP client (proxies, trust store) with this provider's timeouts. */
    private SimpleHttp http() {
        int timeout = config.timeoutMillis();
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(timeout)
                .setConnectionRequestTimeout(timeout)
                .setSocketTimeout(timeout)
                .build();
        return SimpleHttp.create(session).withRequestConfig(timeouts);
    }

    private static String send(SimpleHttpRequest request, String refusedReason) {
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            if (status >= 500) {
                throw VneidRefusal.unavailable(new IOException("VNeID answered " + status));
            }
            if (status != 200) {
                throw VneidRefusal.invalidAnswer(refusedReason, new IOException("VNeID answered " + status));
            }
            return response.asString();
        } catch (IOException e) {
            // Connection refused, reset, or the socket timeout of Keycloak's HTTP client.
            throw VneidRefusal.unavailable(e);
        }
    }

    private VneidWireAdapter adapter() {
        String pem = secret(config.decryptionKeyReference());
        try {
            return new VneidWireAdapter(
                    new EnvelopeDecryptor(RelyingPartyKey.parse(pem), config.envelopeSpec()), config.codeEncrypted());
        } catch (IllegalArgumentException e) {
            throw notConfigured("the relying-party decryption key or envelope settings are invalid", e);
        }
    }

    private String secret(String valueOrVaultReference) {
        if (valueOrVaultReference == null) {
            return null;
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(valueOrVaultReference)) {
            return secret.get().orElse(valueOrVaultReference);
        }
    }

    private static VneidRefusal notConfigured(String why, Throwable cause) {
        return VneidRefusal.invalidAnswer("VNEID_NOT_CONFIGURED", new IllegalStateException(why, cause));
    }
}
