package vn.healthid.sandbox.stack;

import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for the demo's single host. Unlike {@link java.net.CookieManager} it sends cookies marked
 * Secure over http://localhost, as browsers do (localhost is a secure context); Keycloak marks its login cookies so.
 */
final class CookieJar extends CookieHandler {

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        String header = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                values.forEach(this::store);
            }
        });
    }

    private void store(String setCookie) {
        String[] attributes = setCookie.split(";");
        int eq = attributes[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = attributes[0].substring(0, eq).trim();
        String value = attributes[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < attributes.length; i++) {
            String attribute = attributes[i].trim().toLowerCase(java.util.Locale.ROOT);
            if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
