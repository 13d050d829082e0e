package vn.healthid.sandbox.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import vn.healthid.sandbox.gateway.GatewayStandIn;

/**
 * Load driver (not a test) for docs/benchmarks.md "fhir-bridge: eligibility": the stand-in alone under the same
 * burst as the bridge's (500 concurrent card checks), to separate its share of the burst time from the bridge's.
 */
public final class StandInBurst {

    private static final int BURST = Integer.getInteger("bench.burst", 500);

    private StandInBurst() {}

    public static void main(String[] args) throws Exception {
        GatewayStandIn gateway = GatewayStandIn.start(0);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String md5 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5")
                        .digest(gateway.credentials().password().getBytes(StandardCharsets.UTF_8)));
        String token = http.send(
                        post(
                                gateway.baseUrl() + "/api/token/take",
                                "{\"username\":\"" + gateway.credentials().username() + "\",\"password\":\"" + md5
                                        + "\"}"),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String url = gateway.baseUrl() + "/api/egw/KQNhanLichSuKCB2024?token=" + field(token, "access_token")
                + "&id_token=" + field(token, "id_token") + "&username="
                + gateway.credentials().username()
                + "&password=" + md5;
        var person = gateway.population().person("valid");
        String body = "{\"maThe\":\"" + person.cccd() + "\",\"hoTen\":\"" + person.hoTen() + "\",\"ngaySinh\":\""
                + person.ngaySinh() + "\",\"hoTenCb\":\"Nguyen Van B\",\"cccdCb\":\"079085001111\"}";
        for (long latency : new long[] {0, 300, 300}) {
            gateway.faults().latency(Duration.ofMillis(latency));
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                calls.add(http.sendAsync(post(url, body), HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                ok += call.get().statusCode() == 200 ? 1 : 0;
            }
            System.out.printf(
                    "stand-in alone, gateway %d ms: %d concurrent checks in %d ms, %d ok%n",
                    latency, BURST, (System.nanoTime() - start) / 1_000_000, ok);
        }
        gateway.stop();
        System.exit(0);
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
