package vn.healthid.reader.serve;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The web origins (RFC 6454: scheme, host, port) whose pages may ask for a read. Matching is exact: no wildcard, no
 * {@code null} origin (sandboxed frames, files), no request without an Origin header, so that only a browser page of
 * an allowed origin gets a citizen's token back.
 */
final class OriginPolicy {

    private final Set<String> allowed;

    private OriginPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** A comma list of origins such as {@code http://localhost:8090,https://reception.clinic.vn}. */
    static OriginPolicy parse(String list) throws ReaderException {
        if (list == null || list.isBlank()) {
            throw new ReaderException(ReaderError.USAGE, "--origins is required (the reception page's origin)");
        }
        Set<String> origins = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .collect(Collectors.toSet());
        for (String origin : origins) {
            if (!origin.equals(normalise(origin))) {
                throw new ReaderException(
                        ReaderError.USAGE, "an origin is scheme://host[:port] in lower case, no path: " + origin);
            }
        }
        return new OriginPolicy(Set.copyOf(origins));
    }

    boolean allows(String origin) {
        return origin != null && allowed.contains(origin);
    }

    Set<String> origins() {
        return allowed;
    }

    private static String normalise(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return "";
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }
}
