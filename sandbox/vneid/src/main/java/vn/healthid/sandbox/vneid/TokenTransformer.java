package vn.healthid.sandbox.vneid;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: form-urlencoded only, client credentials in the body, PKCE verified, the (plain) code
 * single use. The answer is a sealed {@code {access_token, token_type, expires_in}}: no id_token.
 */
final class TokenTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "vneid-token";

    private final StandInSettings settings;
    private final Grants grants;
    private final Sealer sealer;
    private final Replies replies;
    private final Faults faults;
    private final PublicKey strangerKey;

    TokenTransformer(
            StandInSettings settings,
            Grants grants,
            Sealer sealer,
            Replies replies,
            Faults faults,
            PublicKey strangerKey) {
        this.settings = settings;
        this.grants = grants;
        this.sealer = sealer;
        this.replies = replies;
        this.faults = faults;
        this.strangerKey = strangerKey;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition fault = replies.faultOrNull();
        if (fault != null) {
            return fault;
        }
        String contentType = serveEvent.getRequest().contentTypeHeader().mimeTypePart();
        if (!"application/x-www-form-urlencoded".equals(contentType)) {
            return replies.error(415, "invalid_request", "the token request must be form-urlencoded");
        }
        Map<String, String> form = Params.form(serveEvent.getRequest().getBodyAsString());
        if (!settings.clientId().equals(form.get("client_id")) || !secretMatches(form.get("client_secret"))) {
            return replies.error(401, "invalid_client", "client authentication failed");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return replies.error(400, "unsupported_grant_type", "authorization_code only");
        }
        Optional<Grants.Code> code = grants.redeem(form.get("code"));
        if (code.isEmpty() || !code.get().redirectUri().equals(form.get("redirect_uri"))) {
            return replies.error(400, "invalid_grant", "unknown, used or expired code, or another redirect_uri");
        }
        if (!Grants.pkceMatches(form.get("code_verifier"), code.get().codeChallenge())) {
            return replies.error(400, "invalid_grant", "PKCE verification failed");
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("access_token", grants.issueToken(code.get().account()));
        token.put("token_type", "Bearer");
        token.put("expires_in", Grants.TOKEN_TTL.toSeconds());
        PublicKey recipient = faults.mode() == FaultMode.WRONG_RECIPIENT_KEY ? strangerKey : settings.relyingPartyKey();
        return replies.sealed(sealer.seal(token, recipient, faults.mode() == FaultMode.TAMPER_TOKEN_RESPONSE));
    }

    private boolean secretMatches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        settings.clientSecret().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
