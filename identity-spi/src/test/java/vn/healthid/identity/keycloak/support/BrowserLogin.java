package vn.healthid.identity.keycloak.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;

/**
 * A browser (HtmlUnit, one cookie jar) running the authorization-code flow with PKCE against a public client of the
 * realm. JavaScript is off: the test stands in for the page's polling by pressing "continue" once the phone posted.
 */
public final class BrowserLogin implements AutoCloseable {

    private final KeycloakServer server;
    private final Oidc oidc;
    private final WebClient web = new WebClient();
    private final String address = Oidc.randomAddress();

    public BrowserLogin(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
        // The IT server trusts X-Forwarded-For (KeycloakServer): each browser is its own source address.
        web.addRequestHeader("X-Forwarded-For", address);
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setRedirectEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    /** The source address Keycloak sees for this browser. */
    public String address() {
        return address;
    }

    /** Starts a login; returns the page Keycloak answered (the chip page, or a redirect for an SSO session). */
    public Attempt start(String clientId, String acrValues) {
        return start(clientId, acrValues, "");
    }

    /** {@code extraQuery}: more authorization parameters, e.g. {@code &ui_locales=vi} (a scope replaces "openid"). */
    public Attempt start(String clientId, String acrValues, String extraQuery) {
        String verifier = randomVerifier();
        String redirect = "http://127.0.0.1/" + clientId + "/callback";
        String scope = extraQuery.contains("&scope=") ? "" : "&scope=openid";
        String url = server.realmUrl() + "/protocol/openid-connect/auth?response_type=code" + scope
                + "&client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&state=s" + System.nanoTime()
                + "&code_challenge_method=S256&code_challenge=" + s256(verifier)
                + (acrValues == null ? "" : "&acr_values=" + enc(acrValues)) + extraQuery;
        return new Attempt(clientId, redirect, verifier, get(url));
    }

    private Page get(String url) {
        try {
            return web.getPage(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Attempt {
        private final String clientId;
        private final String redirect;
        private final String verifier;
        private Page page;

        Attempt(String clientId, String redirect, String verifier, Page page) {
            this.clientId = clientId;
            this.redirect = redirect;
            this.verifier = verifier;
            this.page = page;
        }

        public boolean showsChipPage() {
            return page instanceof HtmlPage html && html.getElementById("cccd-login") != null;
        }

        public String challenge() {
            return chipPage().getElementById("cccd-login").getAttribute("data-challenge");
        }

        /** The phone: posts the bundle to the callback URL shown in the QR code. */
        public Oidc.Response phonePosts(String bundleJson) {
            return oidc.postJson(callback(), bundleJson);
        }

        public String callback() {
            return chipPage().getElementById("cccd-login").getAttribute("data-callback");
        }

        /** The deep link of the QR code (its parameters, URL-decoded). */
        public Map<String, String> deepLink() {
            String link = chipPage().getElementById("cccd-login").getAttribute("data-deep-link");
            assertThat(link).startsWith("healthid-chip://login?");
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(
                        pair.substring(0, eq),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }

        /** After a phone delivery: the page that shows whose card arrived, before anyone is logged in. */
        public boolean showsConfirmation() {
            return page instanceof HtmlPage html && html.getElementById("cccd-confirm") != null;
        }

        /** Name, masked number and face (data URL, or empty) shown on the confirmation page. */
        public Confirmation confirmation() {
            assertThat(showsConfirmation()).as(pageText()).isTrue();
            HtmlPage html = (HtmlPage) page;
            HtmlElement face = html.getElementById("cccd-face") instanceof HtmlElement e ? e : null;
            return new Confirmation(
                    html.getElementById("cccd-name").asNormalizedText(),
                    html.getElementById("cccd-number").asNormalizedText(),
                    face == null ? "" : face.getAttribute("src"));
        }

        /** The person confirms the card is theirs. */
        public Attempt itsMe() {
            return click("cccd-its-me");
        }

        /** The person says the card is not theirs. */
        public Attempt notMe() {
            return click("cccd-not-me");
        }

        private Attempt click(String id) {
            assertThat(showsConfirmation()).as(pageText()).isTrue();
            try {
                page = ((HtmlPage) page).getHtmlElementById(id).click();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the page's polling does once the phone has posted: submit the form. */
        public Attempt continueLogin() {
            try {
                HtmlElement button = chipPage().getHtmlElementById("cccd-continue");
                page = button.click();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Attempt cancel() {
            try {
                page = chipPage().getHtmlElementById("cccd-cancel").click();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where Keycloak sends the browser back to the client (302), or null. */
        public String redirectLocation() {
            return page.getWebResponse().getStatusCode() == 302
                    ? page.getWebResponse().getResponseHeaderValue("Location")
                    : null;
        }

        /** The kiosk: the card is read on this device and the bundle goes in the login form itself. */
        public Attempt kioskSubmits(String bundleJson) {
            ((HtmlTextArea) chipPage().getElementById("chip_bundle")).setText(bundleJson);
            return continueLogin();
        }

        public String pageText() {
            return page instanceof HtmlPage html
                    ? html.asNormalizedText()
                    : page.getWebResponse().getContentAsString();
        }

        /** Keycloak's own login forms (password, OTP): fills the named inputs and presses the sign-in button. */
        public Attempt submitForm(Map<String, String> fields) {
            try {
                HtmlPage html = (HtmlPage) page;
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    html.getElementByName(field.getKey()).setAttribute("value", field.getValue());
                }
                page = html.getHtmlElementById("kc-login").click();
                return this;
            } catch (IOException | ClassCastException e) {
                throw new IllegalStateException("no login form: " + pageText(), e);
            }
        }

        public boolean showsForm(String inputName) {
            return page instanceof HtmlPage html
                    && !html.getElementsByName(inputName).isEmpty();
        }

        /** The code exchanged by a confidential client (clinic staff's workstation). */
        public JsonNode exchangeCode(String clientSecret) {
            return exchange(Map.of("client_secret", clientSecret));
        }

        /** The code in the redirect to the client, exchanged at the token endpoint; the token response. */
        public JsonNode exchangeCode() {
            return exchange(Map.of());
        }

        private JsonNode exchange(Map<String, String> extra) {
            Oidc.Response response = tokenResponse(extra);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json();
        }

        /** The token endpoint's answer to the code exchange, whatever it is (refusals are tested on it). */
        public Oidc.Response tokenResponse(Map<String, String> extra) {
            assertThat(page.getWebResponse().getStatusCode()).as(pageText()).isEqualTo(302);
            String location = page.getWebResponse().getResponseHeaderValue("Location");
            assertThat(location).startsWith(redirect).contains("code=");
            String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
            Map<String, String> form = new java.util.HashMap<>(extra);
            form.putAll(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                    "client_id",
                    clientId,
                    "redirect_uri",
                    redirect,
                    "code_verifier",
                    verifier));
            return oidc.postForm(oidc.tokenUrl(), form);
        }

        private HtmlPage chipPage() {
            assertThat(showsChipPage()).as(pageText()).isTrue();
            return (HtmlPage) page;
        }
    }

    /** What the confirmation page shows. */
    public record Confirmation(String name, String maskedNumber, String face) {}

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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        web.close();
    }
}
