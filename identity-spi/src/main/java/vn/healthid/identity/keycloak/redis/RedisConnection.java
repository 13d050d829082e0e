package vn.healthid.identity.keycloak.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One kept-open connection to the extension's Redis, speaking RESP directly: Keycloak ships no Redis client and the
 * listeners need three commands, so this avoids copying a client and its pool into providers/. With Sentinel the
 * master is asked of the sentinels on every (re)connect and confirmed with {@code ROLE}, so a failover is followed
 * on the next command after the old master stops answering or turns replica ({@code READONLY}). Not for general use.
 */
public final class RedisConnection implements AutoCloseable {

    private final RedisSettings settings;
    private RespSocket socket;

    public RedisConnection(RedisSettings settings) {
        this.settings = settings;
    }

    /** {@code XADD key * field value ...}; returns the entry id. */
    public String xadd(String key, Map<String, String> fields) throws IOException {
        List<String> command = new ArrayList<>(List.of("XADD", key, "*"));
        fields.forEach((name, value) -> {
            command.add(name);
            command.add(value);
        });
        return (String) call(command);
    }

    /** {@code SET key value EX seconds}. */
    public void setWithTtl(String key, String value, long seconds) throws IOException {
        call(List.of("SET", key, value, "EX", Long.toString(seconds)));
    }

    /** {@code SADD key member}, then {@code EXPIRE key seconds}: the set lives as long as its newest member. */
    public void addToSet(String key, String member, long seconds) throws IOException {
        call(List.of("SADD", key, member));
        call(List.of("EXPIRE", key, Long.toString(seconds)));
    }

    /** {@code SMEMBERS key}; empty for a missing key. */
    public List<String> members(String key) throws IOException {
        return strings(call(List.of("SMEMBERS", key)));
    }

    /** {@code DEL key}. */
    public void delete(String key) throws IOException {
        call(List.of("DEL", key));
    }

    /** Every key matching {@code pattern}, by {@code SCAN} (never {@code KEYS}, which blocks Redis). */
    public List<String> keys(String pattern) throws IOException {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            List<?> page = (List<?>) call(List.of("SCAN", cursor, "MATCH", pattern, "COUNT", "500"));
            cursor = (String) page.get(0);
            keys.addAll(strings(page.get(1)));
        } while (!"0".equals(cursor));
        return keys;
    }

    private static List<String> strings(Object reply) {
        List<String> values = new ArrayList<>();
        if (reply instanceof List<?> items) {
            items.forEach(item -> values.add((String) item));
        }
        return values;
    }

    /** One reconnect on a broken connection or a demoted master, then the failure surfaces. */
    synchronized Object call(List<String> command) throws IOException {
        try {
            return send(command);
        } catch (RedisReplyException refused) {
            if (!refused.getMessage().startsWith("READONLY")) {
                throw refused;
            }
            close();
            return send(command);
        } catch (IOException broken) {
            close();
            return send(command);
        }
    }

    private Object send(List<String> command) throws IOException {
        if (socket == null) {
            socket = settings.usesSentinel() ? connectThroughSentinels() : connectDirect();
        }
        return socket.call(command);
    }

    private RespSocket connectDirect() throws IOException {
        int port = settings.url().getPort() < 0 ? 6379 : settings.url().getPort();
        return open(new RedisSettings.Address(settings.url().getHost(), port));
    }

    /** Asks each sentinel in turn for the master, as the Sentinel client protocol says; the first answer wins. */
    private RespSocket connectThroughSentinels() throws IOException {
        IOException last = null;
        for (RedisSettings.Address sentinel : settings.sentinels()) {
            RedisSettings.Address master;
            try (RespSocket asking = RespSocket.open(sentinel, tls(), settings.timeout())) {
                Object answer = asking.call(List.of("SENTINEL", "get-master-addr-by-name", settings.sentinelMaster()));
                if (!(answer instanceof List<?> hostPort) || hostPort.size() != 2) {
                    last = new IOException(
                            "sentinel " + sentinel + " does not know master " + settings.sentinelMaster());
                    continue;
                }
                master =
                        new RedisSettings.Address((String) hostPort.get(0), Integer.parseInt((String) hostPort.get(1)));
            } catch (IOException unreachable) {
                last = unreachable;
                continue;
            }
            RespSocket candidate = null;
            try {
                candidate = open(master);
                Object role = candidate.call(List.of("ROLE"));
                if (role instanceof List<?> parts && !parts.isEmpty() && "master".equals(parts.getFirst())) {
                    return candidate;
                }
                last = new IOException("sentinel " + sentinel + " named " + master + ", which is not a master");
            } catch (IOException unreachable) {
                last = unreachable;
            }
            if (candidate != null) {
                candidate.close();
            }
        }
        throw last == null ? new IOException("no sentinel configured") : last;
    }

    /** Connects and authenticates with the URL's credentials and database. */
    private RespSocket open(RedisSettings.Address address) throws IOException {
        RespSocket opened = RespSocket.open(address, tls(), settings.timeout());
        try {
            String userInfo = settings.url().getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                String user = colon < 0 ? "" : RespSocket.decode(userInfo.substring(0, colon));
                String password = RespSocket.decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
                opened.call(user.isEmpty() ? List.of("AUTH", password) : List.of("AUTH", user, password));
            }
            String path = settings.url().getPath();
            if (path != null && path.length() > 1) {
                opened.call(List.of("SELECT", path.substring(1)));
            }
            return opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private boolean tls() {
        return "rediss".equals(settings.url().getScheme());
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    /** Redis answered with an error (wrong password, wrong type of key): not a connection problem. */
    public static final class RedisReplyException extends IOException {
        RedisReplyException(String message) {
            super(message);
        }
    }
}
