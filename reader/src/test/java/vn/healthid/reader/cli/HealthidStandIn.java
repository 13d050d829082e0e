package vn.healthid.reader.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback stand-in for healthid's Keycloak endpoints (challenge, token, phone callback) that records what the
 * reader sent, so a test can check the wire format of docs/chip-login.md. The bundle's verification is done by the
 * test with the real verifier.
 */
public final class HealthidStandIn implements AutoCloseable {

    /** A token shaped like Keycloak's (header.payload.signature), unsigned: the reader only reads fhirUser. */
    public static final String ACCESS_TOKEN = "eyJhbGciOiJub25lIn0."
            + java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString("{\"fhirUser\":\"Patient/stand-in-1\"}".getBytes(StandardCharsets.UTF_8))
            + ".c2ln";

    /** The clerk's token at the clinic's client, as the stand-in's token exchange answers it. */
    public static final String STAFF_TOKEN = "eyJhbGciOiJub25lIn0."
            + java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString("{\"azp\":\"clinic-reception\",\"fhirUser\":\"Practitioner/clerk-1\"}"
                            .getBytes(StandardCharsets.UTF_8))
            + ".c2ln";

    public final String challenge;
    public final AtomicReference<Map<String, String>> challengeForm = new AtomicReference<>();
    public final AtomicReference<Map<String, String>> tokenForm = new AtomicReference<>();
    public final AtomicReference<Map<String, String>> exchangeForm = new AtomicReference<>();
    public final AtomicReference<String> phoneBody = new AtomicReference<>();
    /** When set, the token exchange is refused with this reason (Keycloak's error_description). */
    public volatile String refuseExchange;
    /** When set, the token endpoint refuses the grant with this reason (Keycloak's error_description). */
    public volatile String refuseGrant;

    private final HttpServer server;

    public HealthidStandIn(String challenge) throws IOException {
        this.challenge = challenge;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/clinic/cccd/challenge", x -> {
            challengeForm.set(form(x));
            answer(x, 200, "{\"challenge\":\"" + challenge + "\",\"expires_in\":120}");
        });
        server.createContext("/realms/clinic/protocol/openid-connect/token", x -> {
            Map<String, String> form = form(x);
            if ("urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type"))) {
                exchangeForm.set(form);
                if (refuseExchange != null) {
                    answer(x, 400, "{\"error\":\"invalid_request\",\"error_description\":\"" + refuseExchange + "\"}");
                    return;
                }
                answer(
                        x,
                        200,
                        "{\"access_token\":\"" + STAFF_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\"}");
                return;
            }
            tokenForm.set(form);
            if (refuseGrant != null) {
                answer(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + refuseGrant + "\"}");
                return;
            }
            answer(
                    x,
                    200,
                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                            + "\"refresh_token\":\"refresh-must-not-reach-the-page\"}");
        });
        server.createContext("/realms/clinic/cccd/phone/", x -> {
            if (!x.getRequestURI().getPath().endsWith("/" + challenge)) {
                answer(x, 404, "{\"error\":\"CHALLENGE_NOT_ISSUED\"}");
                return;
            }
            phoneBody.set(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(x, 202, "{\"status\":\"received\"}");
        });
        server.start();
    }

    public String realmUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/clinic";
    }

    private static Map<String, String> form(HttpExchange x) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
