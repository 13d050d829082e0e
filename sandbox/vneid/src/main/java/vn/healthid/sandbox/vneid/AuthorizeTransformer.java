package vn.healthid.sandbox.vneid;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /oauth2/authorize}: the citizen "signs in" and is sent back with an encrypted code and the state. Who signs
 * in: the {@code pid} parameter (links of the account page), else the account chosen with
 * {@link VneidStandIn#signInAs}, else the account page. PKCE S256 is required; a nonce is ignored (VNeID has none).
 */
final class AuthorizeTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "vneid-authorize";

    private final StandInSettings settings;
    private final Accounts accounts;
    private final Grants grants;
    private final Sealer sealer;
    private final Replies replies;
    private final Supplier<String> signedIn;

    AuthorizeTransformer(
            StandInSettings settings,
            Accounts accounts,
            Grants grants,
            Sealer sealer,
            Replies replies,
            Supplier<String> signedIn) {
        this.settings = settings;
        this.accounts = accounts;
        this.grants = grants;
        this.sealer = sealer;
        this.replies = replies;
        this.signedIn = signedIn;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String url = serveEvent.getRequest().getUrl();
        Map<String, String> q = Params.query(url);
        if (!"code".equals(q.get("response_type")) || !settings.clientId().equals(q.get("client_id"))) {
            return replies.text(400, "unknown client or response_type");
        }
        String redirect = q.get("redirect_uri");
        if (redirect == null
                || !(redirect.startsWith("http://") || redirect.startsWith("https://"))
                || q.get("state") == null) {
            return replies.text(400, "redirect_uri and state are required");
        }
        if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            return replies.text(400, "PKCE with S256 is required");
        }
        Optional<Account> account = accounts.find(q.getOrDefault("pid", signedIn.get()));
        if (account.isEmpty()) {
            return replies.html(AccountPage.render(url, accounts.all()));
        }
        String code = grants.issueCode(account.get(), settings.clientId(), redirect, q.get("code_challenge"));
        String sentCode = settings.format().codeEncrypted() ? sealer.sealCode(code, settings.relyingPartyKey()) : code;
        return replies.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(sentCode) + "&state="
                + enc(q.get("state")));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
