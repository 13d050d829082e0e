package vn.healthid.reader.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.DeviceStatus;

/**
 * {@code cccd-reader serve}: the reception page's reader on the loopback interface (reader/README.md, "serve").
 * Every request must come from an allowed origin (CORS, with preflight) and be addressed to the loopback host
 * (a page on another name that resolves to 127.0.0.1, DNS rebinding, is refused); each read waits for the clerk's
 * yes in the terminal; one read at a time.
 */
public final class ReaderServer implements AutoCloseable {

    static final int MAX_BODY = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final OriginPolicy origins;
    private final Confirmation confirmation;
    private final DeskReads reads;
    private final Supplier<DeviceStatus> status;
    private final int mrzDigits;
    private final PrintStream terminal;
    private final ReentrantLock reading = new ReentrantLock();

    ReaderServer(
            InetAddress bind,
            int port,
            OriginPolicy origins,
            Confirmation confirmation,
            DeskReads reads,
            Supplier<DeviceStatus> status,
            int mrzDigits,
            PrintStream terminal)
            throws IOException {
        this.origins = origins;
        this.confirmation = confirmation;
        this.reads = reads;
        this.status = status;
        this.mrzDigits = mrzDigits;
        this.terminal = terminal;
        http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        http.createContext("/", this::handle);
        http.setExecutor(threads);
    }

    public void start() {
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String origin = x.getRequestHeaders().getFirst("Origin");
            try {
                requireLoopbackHost(x.getRequestHeaders());
                if (!origins.allows(origin)) {
                    throw new ReaderException(ReaderError.ORIGIN_REFUSED);
                }
                allowOrigin(x, origin);
                route(x, origin);
            } catch (ReaderException e) {
                send(x, ErrorBody.status(e.error()), ErrorBody.json(e));
            } catch (RuntimeException e) {
                send(x, 500, ErrorBody.json(new ReaderException(ReaderError.BAD_REQUEST, "internal error")));
            }
        }
    }

    private void route(HttpExchange x, String origin) throws IOException, ReaderException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        if (!path.equals("/v1/read") && !path.equals("/v1/status")) {
            throw new ReaderException(ReaderError.UNKNOWN_ENDPOINT);
        }
        if (method.equals("OPTIONS")) {
            preflight(x);
            return;
        }
        if (path.equals("/v1/status") && method.equals("GET")) {
            send(x, 200, statusJson());
            return;
        }
        if (path.equals("/v1/read") && method.equals("POST")) {
            read(x, origin);
            return;
        }
        throw new ReaderException(ReaderError.UNKNOWN_ENDPOINT, method + " " + path);
    }

    private void read(HttpExchange x, String origin) throws IOException, ReaderException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "Content-Type: application/json");
        }
        ReadRequest request = ReadRequest.parse(body(x.getRequestBody()), mrzDigits);
        if (!reading.tryLock()) {
            throw new ReaderException(ReaderError.BUSY);
        }
        try {
            // no reader at all: say so without asking the clerk (the card is not touched either way)
            java.util.Optional<ReaderError> problem = status.get().problem();
            if (problem.isPresent()) {
                throw new ReaderException(problem.get());
            }
            if (!confirmation.confirm(origin)) {
                terminal.println("cccd-reader: read declined");
                throw new ReaderException(ReaderError.DECLINED);
            }
            ReadAnswer answer = reads.read(request);
            terminal.println("cccd-reader: card read, token handed to " + origin);
            send(x, 200, answer.json());
        } catch (ReaderException e) {
            if (e.error() != ReaderError.DECLINED) {
                terminal.println("cccd-reader: " + e.error().name());
            }
            throw e;
        } finally {
            reading.unlock();
        }
    }

    private ObjectNode statusJson() {
        DeviceStatus device = status.get();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode reader = root.putObject("reader");
        reader.put("connected", device.readerConnected());
        device.readerName().ifPresent(name -> reader.put("name", name));
        device.problem().ifPresent(problem -> {
            ObjectNode error = reader.putObject("error");
            error.put("code", ErrorBody.code(problem));
            error.put("message_vi", problem.vietnamese());
            error.put("message_en", problem.english());
        });
        root.putObject("card").put("present", device.cardPresent());
        root.put("busy", reading.isLocked());
        return root;
    }

    /** The Host header must name the loopback address this server listens on: no other name reaches it. */
    private void requireLoopbackHost(Headers headers) throws ReaderException {
        String host = headers.getFirst("Host");
        int port = port();
        if (host == null
                || !(host.equals("127.0.0.1:" + port)
                        || host.equals("localhost:" + port)
                        || host.equals("[::1]:" + port))) {
            throw new ReaderException(ReaderError.HOST_REFUSED);
        }
    }

    private static void allowOrigin(HttpExchange x, String origin) {
        Headers headers = x.getResponseHeaders();
        headers.add("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
    }

    private static void preflight(HttpExchange x) throws IOException {
        Headers headers = x.getResponseHeaders();
        headers.add("Access-Control-Allow-Methods", "GET, POST");
        headers.add("Access-Control-Allow-Headers", "Content-Type");
        headers.add("Access-Control-Max-Age", "600");
        // Chrome's private network access: a page asks before it may call a loopback address
        if ("true".equals(x.getRequestHeaders().getFirst("Access-Control-Request-Private-Network"))) {
            headers.add("Access-Control-Allow-Private-Network", "true");
        }
        x.sendResponseHeaders(204, -1);
    }

    private static byte[] body(InputStream in) throws IOException, ReaderException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "the body is larger than " + MAX_BODY + " bytes");
        }
        return bytes;
    }

    private static void send(HttpExchange x, int status, ObjectNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.getResponseHeaders().add("Cache-Control", "no-store");
        x.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }
}
