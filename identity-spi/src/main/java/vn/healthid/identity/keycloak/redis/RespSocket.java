package vn.healthid.identity.keycloak.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/** One socket speaking RESP2: commands as arrays of bulk strings; the replies the listeners meet. */
final class RespSocket implements AutoCloseable {

    /** Bounds a reply's array nesting and size: Redis and sentinels answer these commands with small replies. */
    private static final int MAX_DEPTH = 4;

    private static final int MAX_ELEMENTS = 65_536;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RespSocket open(RedisSettings.Address address, boolean tls, Duration timeout) throws IOException {
        Socket raw = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            int millis = (int) timeout.toMillis();
            raw.connect(new InetSocketAddress(address.host(), address.port()), millis);
            raw.setSoTimeout(millis);
            return new RespSocket(raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Sends one command and reads its reply: a String, a Long, null, or a List of those. */
    Object call(List<String> command) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            buffer.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(bytes);
            buffer.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(buffer.toByteArray());
        out.flush();
        return readReply(0);
    }

    private Object readReply(int depth) throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new IOException("Redis closed the connection");
        }
        String line = readLine();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisConnection.RedisReplyException(line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length);
                readLine();
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                if (count > MAX_ELEMENTS || depth >= MAX_DEPTH) {
                    throw new IOException("Redis reply too large");
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(readReply(depth + 1));
                }
                yield items;
            }
            default -> throw new IOException("unexpected Redis reply type " + (char) type);
        };
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        in.read();
        return line.toString(StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to release
        }
    }
}
