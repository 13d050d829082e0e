package vn.healthid.reader.send;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The login deep link of the browser page (docs/chip-login.md section 3):
 * {@code healthid-chip://login?challenge=<nonce>&callback=<url-encoded URL>}. Parameters are read by name in any
 * order and unknown ones (realm, client, ...) are ignored, so that the link may grow. The callback must be the
 * phone-callback path for that same challenge on an allowed host, over https (http only for loopback): a QR code
 * from anywhere else must not make the reader send a citizen's data there.
 */
public record DeepLink(String challenge, URI callback, Map<String, String> parameters) {

    public static DeepLink parse(String link, Set<String> allowedHosts) throws ReaderException {
        if (link == null || !link.startsWith("healthid-chip://login")) {
            throw invalid("not a healthid-chip://login link");
        }
        int query = link.indexOf('?');
        if (query < 0) {
            throw invalid("no parameters");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : link.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                parameters.putIfAbsent(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String challenge = parameters.get("challenge");
        String callback = parameters.get("callback");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{22,}") || callback == null) {
            throw invalid("challenge or callback missing");
        }
        URI uri;
        try {
            uri = URI.create(callback);
        } catch (IllegalArgumentException e) {
            throw invalid("callback is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw invalid("callback must be https");
        }
        if (!allowedHosts.contains(host)) {
            throw invalid("callback host not allowed: " + host);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.matches(".*/realms/[^/]+/cccd/phone/" + java.util.regex.Pattern.quote(challenge))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid("callback is not the phone callback of this challenge");
        }
        return new DeepLink(challenge, uri, Map.copyOf(parameters));
    }

    private static ReaderException invalid(String why) {
        return new ReaderException(ReaderError.DEEP_LINK_INVALID, why);
    }
}
