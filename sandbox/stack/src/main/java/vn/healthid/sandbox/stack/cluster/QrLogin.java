package vn.healthid.sandbox.stack.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.healthid.sandbox.stack.BrowserFlow;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;
import vn.healthid.sandbox.stack.Sandbox;

/**
 * The browser login with the phone, one step at a time, each step on a node of the caller's choice: the browser opens
 * the login page, the phone posts the card to the QR code's callback, the browser continues, the app exchanges the
 * code. Keycloak writes the balancer's address into its pages; each step rewrites it to the chosen node.
 */
final class QrLogin {

    static final String ACR_CHIP_AA = "urn:vn:healthid:acr:chip-aa";
    private static final Pattern DATA = Pattern.compile("data-(challenge|callback)=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"cccd-form\" action=\"([^\"]+)\"");
    private static final Pattern CONFIRM_ACTION = Pattern.compile("id=\"cccd-confirm-form\" action=\"([^\"]+)\"");

    private final ClusterEnv env;
    private final Http browser = new Http();
    private final String verifier = BrowserFlow.randomUrlSafe(32);
    private final String state = BrowserFlow.randomUrlSafe(16);
    private String challenge;
    private String callback;
    private String action;

    private QrLogin(ClusterEnv env) {
        this.env = env;
    }

    /** Opens the login page on {@code node}: the QR code's challenge and callback. */
    static QrLogin start(ClusterEnv env, String node) {
        QrLogin login = new QrLogin(env);
        String url = node + "/realms/health/protocol/openid-connect/auth?response_type=code&client_id="
                + Sandbox.PORTAL + "&redirect_uri=" + Http.enc(Sandbox.REDIRECT) + "&scope="
                + Http.enc("openid patient/Patient.rs") + "&state=" + login.state + "&code_challenge="
                + BrowserFlow.s256(login.verifier) + "&code_challenge_method=S256&acr_values=" + Http.enc(ACR_CHIP_AA);
        Http.Response page = login.browser.get(url);
        for (int hops = 0; page.location().isPresent() && hops < 5; hops++) {
            page = login.browser.get(env.onNode(login.absolute(page.location().get()), node));
        }
        if (page.status() != 200 || !page.body().contains("cccd-login")) {
            throw new DemoFailure("no chip login page: HTTP " + page.status() + " " + Http.abbreviate(page.body()));
        }
        Matcher m = DATA.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("challenge")) {
                login.challenge = BrowserFlow.unescape(m.group(2));
            } else {
                login.callback = BrowserFlow.unescape(m.group(2));
            }
        }
        Matcher form = FORM_ACTION.matcher(page.body());
        if (login.challenge == null || login.callback == null || !form.find()) {
            throw new DemoFailure("the chip page has no challenge, callback or form");
        }
        login.action = BrowserFlow.unescape(form.group(1));
        return login;
    }

    String challenge() {
        return challenge;
    }

    /**
     * The phone at {@code address} (an {@link Addresses} value) posts a bundle to the QR code's callback on {@code
     * node}: 202 received, 409 one was already there.
     */
    Http.Response phone(String node, String bundle, String address) {
        return new Http().postJson(env.onNode(callback, node), bundle, Addresses.HEADER, address);
    }

    /** The browser presses "continue" once on {@code node}: Keycloak's answer, followed nowhere. */
    Http.Response continueOnce(String node) {
        return browser.postForm(env.onNode(action, node), Map.of("continue", "continue"));
    }

    /**
     * The browser continues on {@code node}; when the page shows whose card arrived, the citizen confirms it is theirs
     * (Realm.browserLogin does the same); the authorization code once Keycloak redirects to the app.
     */
    String finish(String node) {
        Http.Response page = continueOnce(node);
        for (int hops = 0; hops < 10; hops++) {
            Matcher confirm = CONFIRM_ACTION.matcher(page.body());
            if (page.location().isEmpty()
                    && page.status() == 200
                    && page.body().contains("id=\"cccd-its-me\"")
                    && confirm.find()) {
                page = browser.postForm(
                        env.onNode(BrowserFlow.unescape(confirm.group(1)), node), Map.of("confirm", "confirm"));
                continue;
            }
            if (page.location().isEmpty()) {
                throw new DemoFailure(
                        "the login did not redirect: HTTP " + page.status() + " " + Http.abbreviate(page.body()));
            }
            String next = page.location().get();
            if (next.startsWith(Sandbox.REDIRECT)) {
                String code = BrowserFlow.query(next, "code");
                if (code == null || !state.equals(BrowserFlow.query(next, "state"))) {
                    throw new DemoFailure("redirect without a code: " + BrowserFlow.query(next, "error"));
                }
                return code;
            }
            page = browser.get(env.onNode(absolute(next), node));
        }
        throw new DemoFailure("the login did not finish within 10 redirects");
    }

    /** The app exchanges the code on {@code node}. */
    JsonNode exchange(String node, String code) {
        return browser.postForm(
                        node + "/realms/health/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                Sandbox.PORTAL,
                                "code",
                                code,
                                "redirect_uri",
                                Sandbox.REDIRECT,
                                "code_verifier",
                                verifier))
                .expect(200, "code exchange")
                .json();
    }

    private String absolute(String location) {
        return location.startsWith("/") ? env.keycloak() + location : location;
    }
}
