package vn.healthid.sandbox.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A bare HTTP caller of the stand-in, as a clinic system would call the gateway. */
final class TestClient {

    static final String STAFF_NAME = "Nhân Viên Tiếp Đón";
    static final String STAFF_CCCD = "079085009999";

    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final GatewayStandIn gateway;
    Map<?, ?> apiKey;

    TestClient(GatewayStandIn gateway) {
        this.gateway = gateway;
    }

    HttpResponse<String> takeToken(String username, String passwordMd5) throws IOException, InterruptedException {
        var body = mapper.writeValueAsString(Map.of("username", username, "password", passwordMd5));
        return send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + GatewayStandIn.TOKEN_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    void login() throws IOException, InterruptedException {
        var creds = gateway.credentials();
        var response = takeToken(creds.username(), creds.passwordMd5Hex());
        apiKey = (Map<?, ?>) mapper.readValue(response.body(), Map.class).get("APIKey");
    }

    String tokenQuery() {
        return "?token=" + apiKey.get("access_token") + "&id_token=" + apiKey.get("id_token") + "&username="
                + apiKey.get("username") + "&password=" + gateway.credentials().passwordMd5Hex();
    }

    HttpResponse<String> check(Map<String, String> body) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + GatewayStandIn.CARD_CHECK_PATH + tokenQuery()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))));
    }

    Map<?, ?> checkJson(String maThe, String hoTen, String ngaySinh) throws IOException, InterruptedException {
        var response = check(Map.of(
                "maThe", maThe, "hoTen", hoTen, "ngaySinh", ngaySinh, "hoTenCb", STAFF_NAME, "cccdCb", STAFF_CCCD));
        return mapper.readValue(response.body(), Map.class);
    }

    HttpResponse<String> history(Map<String, String> form) throws IOException, InterruptedException {
        var encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + GatewayStandIn.HISTORY_PATH + tokenQuery()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
