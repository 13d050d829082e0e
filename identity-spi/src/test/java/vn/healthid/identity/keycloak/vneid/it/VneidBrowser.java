package vn.healthid.identity.keycloak.vneid.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import vn.healthid.identity.keycloak.support.Oidc;

/**
 * One browser (HtmlUnit, one cookie jar, no JavaScript) through the health realm, the VNeID providers and back:
 * redirects are followed by hand until the client's redirect URI, which is not followed (nothing listens there).
 */
final class VneidBrowser implements AutoCloseable {

    private static final int MAX_REDIRECTS = 20;
    private final WebClient web = new WebClient();
    private final VneidFixture fixture;
    private final Oidc oidc;
    private String clientId;
    private String redirect;
    private String verifier;
    private Page page;

    VneidBrowser(VneidFixture fixture) {
        this.fixture = fixture;
        this.oidc = new Oidc(fixture.server());
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setRedirectEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setPrintContentOnFailingStatusCode(false);
    }

    /** Starts an authorization-code + PKCE login of {@code client}; {@code idpHint} picks the VNeID provider. */
    VneidBrowser start(String client, String idpHint, String acrValues) {
        this.clientId = client;
        this.redirect = "http://127.0.0.1/" + client + "/callback";
        this.verifier = randomVerifier();
        String url =
                fixture.server().realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid%20profile"
                        + "&client_id=" + client + "&redirect_uri=" + KeycloakAdmin.enc(redirect) + "&state=s"
                        + System.nanoTime()
                        + "&code_challenge_method=S256&code_challenge=" + s256(verifier)
                        + (idpHint == null ? "" : "&kc_idp_hint=" + idpHint)
                        + (acrValues == null ? "" : "&acr_values=" + KeycloakAdmin.enc(acrValues));
        page = get(url);
        follow();
        return this;
    }

    /** The vneid-sandbox realm's login form (standard OIDC path). */
    VneidBrowser signInAtSandbox(String username) {
        HtmlPage form = html();
        ((HtmlInput) form.getElementByName("username")).setValue(username);
        ((HtmlInput) form.getElementByName("password")).setValue(VneidFixture.SANDBOX_PASSWORD);
        page = click(form.getHtmlElementById("kc-login"));
        follow();
        return this;
    }

    boolean reachedClient() {
        return status() == 302 && location().startsWith(redirect);
    }

    int status() {
        return page.getWebResponse().getStatusCode();
    }

    String text() {
        return page instanceof HtmlPage html
                ? html.asNormalizedText()
                : page.getWebResponse().getContentAsString();
    }

    /** The access-token claims after the code exchange. */
    JsonNode accessToken() {
        if (!reachedClient()) {
            throw new AssertionError("login did not come back to the client: " + status() + " " + text());
        }
        String code = URLDecoder.decode(location().replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        Oidc.Response response = oidc.postForm(
                oidc.tokenUrl(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirect,
                        "code_verifier",
                        verifier));
        if (response.status() != 200) {
            throw new AssertionError("code exchange refused: " + response.body());
        }
        return Oidc.claims(response.json().get("access_token").asText());
    }

    boolean showsChipPage() {
        return page instanceof HtmlPage html && html.getElementById("cccd-login") != null;
    }

    String chipChallenge() {
        return html().getElementById("cccd-login").getAttribute("data-challenge");
    }

    /** The phone posts the chip bundle to the callback of the QR code; the page continues, and the person confirms. */
    VneidBrowser phonePostsAndContinue(String bundleJson) {
        String callback = html().getElementById("cccd-login").getAttribute("data-callback");
        Oidc.Response posted = oidc.postJson(callback, bundleJson);
        if (posted.status() >= 300) {
            throw new AssertionError("phone callback refused: " + posted.body());
        }
        page = click(html().getHtmlElementById("cccd-continue"));
        // The page shows whose card arrived; the person confirms it is theirs.
        page = click(html().getHtmlElementById("cccd-its-me"));
        follow();
        return this;
    }

    private void follow() {
        for (int i = 0; i < MAX_REDIRECTS && isRedirect() && !location().startsWith(redirect); i++) {
            page = get(location());
        }
    }

    private boolean isRedirect() {
        int status = status();
        return status == 301 || status == 302 || status == 303;
    }

    private String location() {
        String location = page.getWebResponse().getResponseHeaderValue("Location");
        return location == null ? "" : location;
    }

    private HtmlPage html() {
        if (page instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError("not an HTML page: " + status() + " " + text());
    }

    private Page get(String url) {
        try {
            return web.getPage(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Page click(HtmlElement element) {
        try {
            return element.click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web.close();
    }
}
