package vn.healthid.reader.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadProgress;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.cli.HealthidStandIn;
import vn.healthid.reader.pcsc.DeviceStatus;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** A serve-mode reader on a free loopback port over an emulated chip, talking to the loopback stand-in of healthid. */
final class ServeFixture implements AutoCloseable {

    static final String PAGE = "http://localhost:8090";
    static final String SECRET = "clinic-secret-never-in-a-page";
    private static final ObjectMapper JSON = new ObjectMapper();

    final HealthidStandIn healthid;
    final EmulatedCardService card;
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    final ReaderServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServeFixture(EmulatedCardService card, String nonce, Confirmation confirmation) throws Exception {
        this(card, nonce, confirmation, () -> DeviceStatus.present("Emulated CCCD reader 0", true));
    }

    ServeFixture(EmulatedCardService card, String nonce, Confirmation confirmation, Supplier<DeviceStatus> status)
            throws Exception {
        this.card = card;
        this.healthid = new HealthidStandIn(nonce);
        CardReading reading = (key, n) -> {
            try {
                return new ChipReader(ReaderSettings.defaults()).read(card, key, n, ReadProgress.NONE);
            } finally {
                card.close();
            }
        };
        DeskReads reads = new DeskReads(
                new DeskReads.Clinic(URI.create(healthid.realmUrl()), "clinic-reception", SECRET, "openid"),
                new HealthidClient(),
                reading);
        server = new ReaderServer(
                Loopback.require("127.0.0.1"),
                0,
                OriginPolicy.parse(PAGE + ",https://reception.clinic.example"),
                confirmation,
                reads,
                status,
                9,
                new PrintStream(terminal, true, StandardCharsets.UTF_8));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> post(String origin, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/v1/read")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String rawRequest(int port, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
        healthid.close();
    }
}
