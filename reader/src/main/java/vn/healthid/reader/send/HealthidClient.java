package vn.healthid.reader.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The reader's calls to healthid (docs/chip-login.md): a challenge for the clinic's client, the back-channel grant
 * with the bundle, and the phone callback of a browser login. Refusals become SERVER_REFUSED with the server's reason
 * code as the detail; the bundle and the secret never appear in an error.
 */
public final class HealthidClient {

    public static final String GRANT_TYPE = "urn:vn:healthid:params:oauth:grant-type:cccd-chip";
    /** RFC 8693 section 2.1 and 3. */
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    public HealthidClient() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    HealthidClient(HttpClient http) {
        this.http = http;
    }

    /** POST {realm}/cccd/challenge with the client's credentials: the nonce to read the card with. */
    public String challenge(URI realm, String clientId, String secret) throws ReaderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        JsonNode answer = postForm(realm.resolve(realm.getPath() + "/cccd/challenge"), form, 200);
        String challenge = answer.path("challenge").asText("");
        if (challenge.isEmpty()) {
            throw new ReaderException(ReaderError.SERVER_REFUSED, "no challenge in the answer");
        }
        return challenge;
    }

    /** POST {realm}/protocol/openid-connect/token with the bundle: the token response, as the server sent it. */
    public String grant(URI realm, String clientId, String secret, byte[] bundle, String scope) throws ReaderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("chip_bundle", new String(bundle, StandardCharsets.UTF_8));
        if (scope != null) {
            form.put("scope", scope);
        }
        return postForm(realm.resolve(realm.getPath() + "/protocol/openid-connect/token"), form, 200)
                .toString();
    }

    /**
     * RFC 8693 token exchange at {realm}/protocol/openid-connect/token, authenticated as the clinic's client: the
     * signed-in clerk's access token (of another client, e.g. the reception page's) for an access token of the
     * clinic's client. Keycloak's standard token exchange checks the subject token (signature, session, and that it
     * names the clinic's client in {@code aud}). A refusal is STAFF_TOKEN_REFUSED with Keycloak's reason; the
     * subject token never appears in an error.
     */
    public String exchange(URI realm, String clientId, String secret, String subjectToken) throws ReaderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        // profile: the bridge names the clerk to the insurance gateway (hoTenCb) from this token's name claims, and
        // the clinic's client has profile as an optional scope only (docs/smart.md, section 3)
        form.put("scope", "openid profile");
        JsonNode answer;
        try {
            answer = postForm(realm.resolve(realm.getPath() + "/protocol/openid-connect/token"), form, 200);
        } catch (ReaderException e) {
            if (e.error() == ReaderError.SERVER_REFUSED) {
                throw new ReaderException(ReaderError.STAFF_TOKEN_REFUSED, e.detail(), e);
            }
            throw e;
        }
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new ReaderException(ReaderError.STAFF_TOKEN_REFUSED, "no access token in the answer");
        }
        return token;
    }

    /** POST the bundle to a browser login's phone callback; healthid answers 202 when it holds it. */
    public void deliver(URI callback, byte[] bundle) throws ReaderException {
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle))
                .build();
        answer(send(request), 202);
    }

    private JsonNode postForm(URI uri, Map<String, String> form, int expected) throws ReaderException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return answer(send(request), expected);
    }

    private HttpResponse<String> send(HttpRequest request) throws ReaderException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ReaderException(
                    ReaderError.SERVER_UNREACHABLE, request.uri().getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderException(
                    ReaderError.SERVER_UNREACHABLE, request.uri().getHost(), e);
        }
    }

    private static JsonNode answer(HttpResponse<String> response, int expected) throws ReaderException {
        JsonNode body;
        try {
            body = JSON.readTree(response.body() == null || response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (response.statusCode() != expected) {
            // Keycloak: {"error": "invalid_grant", "error_description": "<reason>"}; healthid's own: {"error": ...}
            String reason =
                    body.path("error_description").asText(body.path("error").asText(""));
            throw new ReaderException(
                    ReaderError.SERVER_REFUSED, response.statusCode() + (reason.isEmpty() ? "" : " " + reason));
        }
        return body;
    }
}
