package vn.healthid.identity.keycloak.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FHIR base URLs this authorization server issues tokens for: the values a SMART app's {@code aud} authorization
 * parameter may take (SMART App Launch 2.0). URLs are compared normalized: scheme and host lower case, the scheme's
 * default port dropped, trailing slashes of the path dropped; the path itself stays case-sensitive, and a query,
 * fragment or user part never matches.
 */
public record FhirBaseUrls(Set<String> accepted) {

    public FhirBaseUrls {
        accepted = Set.copyOf(accepted);
    }

    /**
     * Parses the configured option: comma-separated absolute http(s) URLs. A value that is not one is a configuration
     * error (the server must not start with a list it cannot apply).
     */
    public static FhirBaseUrls parse(String option) {
        if (option == null || option.isBlank()) {
            return new FhirBaseUrls(Set.of());
        }
        List<String> values = Arrays.stream(option.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        Set<String> accepted = values.stream()
                .map(v -> normalize(v)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "fhir-base-urls: not an absolute http(s) URL without query or fragment: " + v)))
                .collect(Collectors.toSet());
        return new FhirBaseUrls(accepted);
    }

    /** True when {@code aud} is one of the accepted base URLs (normalized). Nothing is accepted when none is set. */
    public boolean accepts(String aud) {
        return normalize(aud).map(accepted::contains).orElse(false);
    }

    public boolean isEmpty() {
        return accepted.isEmpty();
    }

    /** The comparable form of an absolute http(s) URL, or empty when {@code value} is not one. */
    static Optional<String> normalize(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.of(
                scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path);
    }
}
