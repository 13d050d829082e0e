package vn.healthid.sandbox.stack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a browser login of the sandbox clients needs besides HTTP: PKCE (RFC 7636, S256), random state, the query of a
 * redirect, and the HTML escapes of Keycloak's pages. Used by {@link Realm} (the demo) and the cluster's QR login.
 */
public final class BrowserFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserFlow() {}

    /** {@code bytes} random bytes, base64url without padding: a PKCE verifier (32) or a state (16). */
    public static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The S256 code challenge of a verifier. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query parameter of {@code url}, decoded; null when absent. */
    public static String query(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** An attribute value of Keycloak's FreeMarker pages, unescaped. */
    public static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"");
    }
}
