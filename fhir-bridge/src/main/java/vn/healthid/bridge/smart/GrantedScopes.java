package vn.healthid.bridge.smart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** The SMART scopes of a token; non-SMART scopes ({@code openid}, {@code profile}) are dropped. */
public record GrantedScopes(List<SmartScope> scopes) {

    public GrantedScopes {
        scopes = List.copyOf(scopes);
    }

    /** A token's {@code scope} claim (space-separated), else its {@code scp} (a list). */
    public static GrantedScopes of(Jwt token) {
        if (token.getClaims().get("scope") instanceof String text) {
            return of(List.of(text));
        }
        List<String> scp = token.getClaimAsStringList("scp");
        return of(scp == null ? List.of() : scp);
    }

    /** From the {@code scope} claim (space-separated) or {@code scp} (a list). */
    public static GrantedScopes of(Collection<String> values) {
        List<SmartScope> parsed = new ArrayList<>();
        for (String value : values) {
            for (String scope : value.trim().split("\\s+")) {
                SmartScope.parse(scope).ifPresent(parsed::add);
            }
        }
        return new GrantedScopes(parsed);
    }

    public boolean grants(ScopeContext context, String type, Interaction interaction) {
        for (SmartScope scope : scopes) {
            if (scope.context() == context && scope.grants(type, interaction)) {
                return true;
            }
        }
        return false;
    }
}
