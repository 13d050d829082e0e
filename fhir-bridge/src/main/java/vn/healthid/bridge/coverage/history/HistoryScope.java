package vn.healthid.bridge.coverage.history;

import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.smart.GrantedScopes;
import vn.healthid.bridge.smart.Interaction;
import vn.healthid.bridge.smart.ScopeContext;

/**
 * The scope {@code $bhyt-history} needs: a search of Encounters ({@code patient/Encounter.rs}; v1
 * {@code .read}). SMART scopes name no operations, and the history is a listing of the person's
 * Encounters, so it asks what {@code GET Encounter?patient=} would: {@code patient/} or {@code user/}
 * on a citizen's token (own or chip-present at a clinic), {@code user/} or {@code system/} on a
 * clinic's own token.
 */
final class HistoryScope implements Predicate<Jwt> {

    static final String TYPE = "Encounter";

    @Override
    public boolean test(Jwt token) {
        var scopes = GrantedScopes.of(token);
        var fhirUser = token.getClaimAsString("fhirUser");
        boolean citizen = fhirUser != null && fhirUser.startsWith("Patient/");
        return citizen
                ? grants(scopes, ScopeContext.PATIENT) || grants(scopes, ScopeContext.USER)
                : grants(scopes, ScopeContext.USER) || grants(scopes, ScopeContext.SYSTEM);
    }

    private static boolean grants(GrantedScopes scopes, ScopeContext context) {
        return scopes.grants(context, TYPE, Interaction.SEARCH);
    }
}
