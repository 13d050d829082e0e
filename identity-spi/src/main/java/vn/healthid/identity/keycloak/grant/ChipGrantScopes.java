package vn.healthid.identity.keycloak.grant;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.ClientScopeModel;

/**
 * The scopes a chip-grant token may carry (docs/chip-login.md, claims). The token speaks for the citizen whose card was
 * read, so it carries only {@code openid}, {@code profile} and {@code patient/} SMART scopes, whatever optional scopes
 * the clinic's client has: never {@code system/} or {@code user/}, which would reach beyond that citizen. Other
 * requested scopes are left out, not refused: RFC 6749 section 3.3 lets the server issue fewer scopes than asked,
 * and the token response then names the scopes issued ({@code scope}).
 */
final class ChipGrantScopes {

    private ChipGrantScopes() {}

    /** The requested scope parameter, reduced to what a citizen's token may carry; {@code openid} stays. */
    static String issuable(String requested) {
        return words(requested).filter(ChipGrantScopes::allowed).collect(Collectors.joining(" "));
    }

    /** Requested scopes the grant leaves out (for the event). */
    static List<String> leftOut(String requested) {
        return words(requested).filter(s -> !allowed(s)).toList();
    }

    static boolean allowed(String scope) {
        return scope.equals("openid") || scope.equals("profile") || scope.startsWith("patient/");
    }

    /**
     * A client scope that must never reach a citizen's token even as one of the client's default scopes: SMART scopes
     * of another context ({@code system/}, {@code user/}).
     */
    static boolean beyondTheCitizen(ClientScopeModel scope) {
        // the client itself is one of the session's scopes, and a client's name is optional
        String name = scope.getName();
        return name != null && (name.startsWith("system/") || name.startsWith("user/"));
    }

    private static Stream<String> words(String scope) {
        return scope == null
                ? Stream.empty()
                : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty());
    }
}
