package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.healthid.sandbox.cards.Card;

/** The health realm as the demo's clients see it: challenge, chip grant, staff password grant, browser login. */
public final class Realm {

    public static final String CHIP_GRANT = "urn:vn:healthid:params:oauth:grant-type:cccd-chip";
    private static final Pattern DATA = Pattern.compile("data-(challenge|callback)=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"cccd-form\" action=\"([^\"]+)\"");
    private static final Pattern CONFIRM_ACTION = Pattern.compile("id=\"cccd-confirm-form\" action=\"([^\"]+)\"");

    private final String realmUrl;

    public Realm(String keycloakUrl) {
        this.realmUrl = keycloakUrl + "/realms/health";
    }

    public String url() {
        return realmUrl;
    }

    public String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    public String challenge(Http http, String clientId, String secret) {
        return http.postForm(realmUrl + "/cccd/challenge", Map.of("client_id", clientId, "client_secret", secret))
                .expect(200, "challenge")
                .json()
                .path("challenge")
                .asText();
    }

    /** The clinic back channel: the bundle read from the card on the desk reader, for a citizen token. */
    public JsonNode chipToken(Http http, String clientId, String secret, String bundle, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", CHIP_GRANT);
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("chip_bundle", bundle);
        form.put("scope", scope);
        return http.postForm(tokenUrl(), form).expect(200, "chip token").json();
    }

    /** Sandbox staff sign-in at the clinic's software (the demo realm allows the password grant for clinic staff). */
    public JsonNode passwordToken(
            Http http, String clientId, String secret, String username, String password, String scope) {
        return http.postForm(
                        tokenUrl(),
                        Map.of(
                                "grant_type", "password",
                                "client_id", clientId,
                                "client_secret", secret,
                                "username", username,
                                "password", password,
                                "scope", scope))
                .expect(200, "clerk login")
                .json();
    }

    /** Who answers the login page's QR code: a reader that posts the card's bundle to the page's phone callback. */
    @FunctionalInterface
    public interface ChipDelivery {
        void deliver(String challenge, String callback);
    }

    /**
     * Authorization code + PKCE in a headless "browser" (the http client's cookie jar). When the realm asks for the
     * chip, {@code reader} posts the card's bundle to the callback of the QR code and the page continues; when the
     * page then shows whose card arrived, the citizen confirms it is theirs; when the browser already has a session of
     * a high enough level, no chip is read (SSO).
     */
    public BrowserLogin browserLogin(
            Http browser, String clientId, String redirectUri, String scope, String acrValues, Card card) {
        return browserLogin(
                browser,
                clientId,
                redirectUri,
                scope,
                acrValues,
                (challenge, callback) -> new Http()
                        .postJson(callback, card.bundleJson(challenge))
                        .expect(202, "phone posts the chip bundle"));
    }

    /** As above, with {@code reader} answering the QR code (a kiosk's desk reader, or a simulated phone). */
    public BrowserLogin browserLogin(
            Http browser, String clientId, String redirectUri, String scope, String acrValues, ChipDelivery reader) {
        String verifier = BrowserFlow.randomUrlSafe(32);
        String state = BrowserFlow.randomUrlSafe(16);
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&client_id=" + Http.enc(clientId)
                + "&redirect_uri=" + Http.enc(redirectUri) + "&scope=" + Http.enc(scope) + "&state=" + state
                + "&code_challenge=" + BrowserFlow.s256(verifier) + "&code_challenge_method=S256"
                + (acrValues == null ? "" : "&acr_values=" + Http.enc(acrValues));
        Http.Response page = browser.get(url);
        boolean chipRead = false;
        for (int hops = 0; hops < 10; hops++) {
            if (page.location().isPresent()) {
                String next = page.location().get();
                if (next.startsWith(redirectUri)) {
                    String code = BrowserFlow.query(next, "code");
                    if (code == null || !state.equals(BrowserFlow.query(next, "state"))) {
                        throw new DemoFailure(
                                "redirect without code or with a wrong state: " + BrowserFlow.query(next, "error"));
                    }
                    JsonNode tokens = browser.postForm(
                                    tokenUrl(),
                                    Map.of(
                                            "grant_type", "authorization_code",
                                            "client_id", clientId,
                                            "code", code,
                                            "redirect_uri", redirectUri,
                                            "code_verifier", verifier))
                            .expect(200, "code exchange")
                            .json();
                    return new BrowserLogin(tokens, chipRead);
                }
                page = browser.get(
                        next.startsWith("/") ? realmUrl.substring(0, realmUrl.indexOf("/realms")) + next : next);
                continue;
            }
            Matcher confirm = CONFIRM_ACTION.matcher(page.body());
            if (page.status() == 200 && page.body().contains("id=\"cccd-its-me\"") && confirm.find()) {
                page = browser.postForm(BrowserFlow.unescape(confirm.group(1)), Map.of("confirm", "confirm"));
                continue;
            }
            if (page.status() != 200 || !page.body().contains("cccd-login")) {
                throw new DemoFailure(
                        "unexpected login page: HTTP " + page.status() + " " + Http.abbreviate(page.body()));
            }
            Map<String, String> data = new LinkedHashMap<>();
            Matcher m = DATA.matcher(page.body());
            while (m.find()) {
                data.put(m.group(1), BrowserFlow.unescape(m.group(2)));
            }
            Matcher action = FORM_ACTION.matcher(page.body());
            if (!action.find() || data.size() < 2) {
                throw new DemoFailure("the chip page has no challenge or form");
            }
            reader.deliver(data.get("challenge"), data.get("callback"));
            chipRead = true;
            page = browser.postForm(BrowserFlow.unescape(action.group(1)), Map.of("continue", "continue"));
        }
        throw new DemoFailure("the login did not finish within 10 redirects");
    }

    public record BrowserLogin(JsonNode tokens, boolean chipRead) {}

    /**
     * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) as the browser makes it: the end_session endpoint
     * with the id token as hint, in the browser that holds the session cookie. Answers Keycloak's HTTP status.
     */
    public int logout(Http browser, String clientId, String idToken, String postLogoutRedirectUri) {
        return browser.get(realmUrl + "/protocol/openid-connect/logout?client_id=" + Http.enc(clientId)
                        + "&id_token_hint=" + Http.enc(idToken)
                        + "&post_logout_redirect_uri=" + Http.enc(postLogoutRedirectUri))
                .status();
    }

    /** The payload of a JWT, for printing claims (the demo trusts its own Keycloak; the bridge verifies). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | RuntimeException e) {
            throw new DemoFailure("not a JWT");
        }
    }
}
