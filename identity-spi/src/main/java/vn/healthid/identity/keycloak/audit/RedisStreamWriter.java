package vn.healthid.identity.keycloak.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * Appends entries to Redis streams ({@code XADD key * field value ...}) over one kept-open
 * connection, speaking RESP directly. Keycloak ships no Redis client and the listener needs one
 * command, so this avoids copying a client and its pool into providers/. Not for general use.
 */
final class RedisStreamWriter implements AutoCloseable {

    private final URI url;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RedisStreamWriter(URI url, Duration timeout) {
        this.url = url;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /** Returns the entry id; one reconnect on a broken connection, then the failure surfaces. */
    synchronized String xadd(String key, Map<String, String> fields) throws IOException {
        List<String> command = new ArrayList<>(List.of("XADD", key, "*"));
        fields.forEach((name, value) -> {
            command.add(name);
            command.add(value);
        });
        try {
            return send(command);
        } catch (RedisReplyException refused) {
            throw refused;
        } catch (IOException broken) {
            close();
            return send(command);
        }
    }

    private String send(List<String> command) throws IOException {
        if (socket == null) {
            connect();
        }
        write(command);
        return readReply();
    }

    private void connect() throws IOException {
        Socket raw =
                "rediss".equals(url.getScheme()) ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        raw.connect(new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort()), timeoutMillis);
        raw.setSoTimeout(timeoutMillis);
        socket = raw;
        in = new BufferedInputStream(raw.getInputStream());
        out = raw.getOutputStream();
        String userInfo = url.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
            String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            write(user.isEmpty() ? List.of("AUTH", password) : List.of("AUTH", user, password));
            readReply();
        }
        String path = url.getPath();
        if (path != null && path.length() > 1) {
            write(List.of("SELECT", path.substring(1)));
            readReply();
        }
    }

    private void write(List<String> command) throws IOException {
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
    }

    /** Simple-string, error and bulk-string replies: all that AUTH, SELECT and XADD answer. */
    private String readReply() throws IOException {
        int type = in.read();
        String line = readLine();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisReplyException(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                byte[] bytes = in.readNBytes(length);
                readLine();
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case -1 -> throw new IOException("Redis closed the connection");
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

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to release
            }
            socket = null;
        }
    }

    /** Redis answered with an error (wrong password, wrong type of key): not a connection problem. */
    static final class RedisReplyException extends IOException {
        RedisReplyException(String message) {
            super(message);
        }
    }
}
