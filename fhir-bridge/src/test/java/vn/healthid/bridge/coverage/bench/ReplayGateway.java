package vn.healthid.bridge.coverage.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Person;

/**
 * The insurance gateway as the load driver's burst sees it: a fixed latency, then the answer the
 * WireMock stand-in gave once for the same person (recorded at start). On the JDK's small HTTP
 * server with a virtual thread per exchange, so that the gateway's own CPU, which the real gateway
 * spends on another machine, takes as little as possible of the two cores the bridge is measured on.
 */
final class ReplayGateway implements AutoCloseable {

    private final HttpServer server;
    private final String tokenAnswer;
    private final String cardAnswer;
    private volatile Duration latency;
    private final AtomicLong cardChecks = new AtomicLong();

    private ReplayGateway(String tokenAnswer, String cardAnswer, Duration latency) throws IOException {
        this.tokenAnswer = tokenAnswer;
        this.cardAnswer = cardAnswer;
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext(GatewayStandIn.TOKEN_PATH, exchange -> answer(exchange, tokenAnswer, Duration.ZERO));
        server.createContext(GatewayStandIn.CARD_CHECK_PATH, exchange -> {
            cardChecks.incrementAndGet();
            answer(exchange, cardAnswer, this.latency);
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Records the stand-in's token and card-check answers for {@code person}, then serves them. */
    static ReplayGateway recording(Person person, String staffName, String staffId, Duration latency) throws Exception {
        try (var standIn = GatewayStandIn.start(0);
                var http = HttpClient.newHttpClient()) {
            var md5 = md5Hex(standIn.credentials().password());
            var token = post(
                    http,
                    standIn.baseUrl() + GatewayStandIn.TOKEN_PATH,
                    "{\"username\":\"" + standIn.credentials().username() + "\",\"password\":\"" + md5 + "\"}");
            var card = post(
                    http,
                    standIn.baseUrl() + GatewayStandIn.CARD_CHECK_PATH + "?token=" + field(token, "access_token")
                            + "&id_token=" + field(token, "id_token") + "&username="
                            + standIn.credentials().username() + "&password=" + md5,
                    "{\"maThe\":\"" + person.cccd() + "\",\"hoTen\":\"" + person.hoTen() + "\",\"ngaySinh\":\""
                            + person.ngaySinh() + "\",\"hoTenCb\":\"" + staffName + "\",\"cccdCb\":\"" + staffId
                            + "\"}");
            if (!card.contains("\"maKetQua\":\"000\"")) {
                throw new IllegalStateException("the stand-in did not confirm the benchmark's card");
            }
            return new ReplayGateway(token, card, latency);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The card check's latency from now on. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    long cardChecks() {
        return cardChecks.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String body, Duration delay) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (delay.isPositive()) {
                Thread.sleep(delay);
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        var reply = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("stand-in answered HTTP " + reply.statusCode());
        }
        return reply.body();
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String md5Hex(String secret) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
