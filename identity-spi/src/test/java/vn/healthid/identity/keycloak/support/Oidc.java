package vn.healthid.identity.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain HTTP calls to the realm (java.net.http): challenge, token requests, admin events, token payloads. */
public final class Oidc {

    public static final String CLINIC = "clinic-reception";
    public static final String CLINIC_SECRET = "sandbox-clinic-reception-secret";
    public static final String CHIP_GRANT = "urn:vn:healthid:params:oauth:grant-type:cccd-chip";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final HttpClient http = HttpClient.newHttpClient();
    private final KeycloakServer server;
    private final String address;

    public Oidc(KeycloakServer server) {
        this(server, null);
    }

    private Oidc(KeycloakServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Requests that Keycloak sees as coming from {@code address} (the IT server trusts X-Forwarded-For, as Keycloak
     * behind the stack's proxy does). Without it, every request comes from a fresh random address, so that the
     * per-address limits of one test never meet another's.
     */
    public Oidc from(String address) {
        return new Oidc(server, address);
    }

    /** A random address in 10.0.0.0/8. */
    public static String randomAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    public String challenge(String clientId, String secret) {
        Response response =
                postForm(server.realmUrl() + "/cccd/challenge", Map.of("client_id", clientId, "client_secret", secret));
        if (response.status() != 200) {
            throw new IllegalStateException("challenge refused: " + response.status() + " " + response.body());
        }
        return response.json().get("challenge").asText();
    }

    public Response chipGrant(String bundleJson) {
        return chipGrant(CLINIC, CLINIC_SECRET, bundleJson);
    }

    /** The chip grant of another confidential client. */
    public Response chipGrant(String clientId, String secret, String bundleJson) {
        return postForm(
                tokenUrl(),
                Map.of(
                        "grant_type",
                        CHIP_GRANT,
                        "client_id",
                        clientId,
                        "client_secret",
                        secret,
                        "chip_bundle",
                        bundleJson));
    }

    /** The chip grant with a {@code scope} parameter. */
    public Response chipGrant(String bundleJson, String scope) {
        return postForm(
                tokenUrl(),
                Map.of(
                        "grant_type",
                        CHIP_GRANT,
                        "client_id",
                        CLINIC,
                        "client_secret",
                        CLINIC_SECRET,
                        "chip_bundle",
                        bundleJson,
                        "scope",
                        scope));
    }

    public Response clientCredentials() {
        return postForm(
                tokenUrl(),
                Map.of("grant_type", "client_credentials", "client_id", CLINIC, "client_secret", CLINIC_SECRET));
    }

    public String tokenUrl() {
        return server.realmUrl() + "/protocol/openid-connect/token";
    }

    /** Events of the health realm of one type, newest first. */
    public List<JsonNode> events(String type) {
        List<JsonNode> events = new ArrayList<>();
        adminGet("/events?max=500&type=" + type).forEach(events::add);
        return events;
    }

    /** GET on the health realm's admin API ({@code path} after {@code /admin/realms/health}). */
    public JsonNode adminGet(String path) {
        return send(admin(path).GET().build()).json();
    }

    /** PUT of a JSON body on the health realm's admin API; the HTTP status. */
    public int adminPut(String path, String json) {
        return send(admin(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build())
                .status();
    }

    /** POST of a JSON body on the health realm's admin API; the HTTP status. */
    public int adminPost(String path, String json) {
        return send(admin(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build())
                .status();
    }

    /** DELETE on the health realm's admin API; the HTTP status. */
    public int adminDelete(String path) {
        return send(admin(path).DELETE().build()).status();
    }

    /** A request with a bearer token (userinfo, the account REST API). */
    public Response withBearer(String url, String token, String jsonBodyOrNull) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (jsonBodyOrNull != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBodyOrNull));
        }
        return send(request.build());
    }

    private HttpRequest.Builder admin(String path) {
        String admin = postForm(
                        server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                KeycloakServer.ADMIN_USER,
                                "password",
                                KeycloakServer.ADMIN_PASSWORD))
                .json()
                .get("access_token")
                .asText();
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/health" + path))
                .header("Authorization", "Bearer " + admin);
    }

    public Response postForm(String url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(form)
                .forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public Response postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private Response send(HttpRequest request) {
        HttpRequest forwarded = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("X-Forwarded-For", address == null ? randomAddress() : address)
                .build();
        try {
            HttpResponse<String> response = http.send(forwarded, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a JWT, unverified (the tests read what Keycloak put in). */
    public static JsonNode claims(String jwt) {
        return parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, String body, String retryAfter) {
        public JsonNode json() {
            return parse(body);
        }
    }
}
