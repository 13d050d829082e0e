package vn.healthid.bridge.telehealth.access;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;

/** Turns a verified access token into a {@link Caller}; the token itself was checked upstream. */
public final class CallerFactory {

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final Map<String, Integer> acrLevels;

    public CallerFactory(Map<String, Integer> acrLevels) {
        this.acrLevels = Map.copyOf(acrLevels);
    }

    public Caller from(Jwt jwt) {
        if (jwt == null) {
            throw new BridgeFhirException(ErrorCode.TOKEN_MISSING);
        }
        String scope = jwt.getClaimAsString("scope");
        Set<String> scopes = scope == null
                ? Set.of()
                : Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toSet());
        String acr = jwt.getClaimAsString("acr");
        int loa = acr == null ? 0 : acrLevels.getOrDefault(acr, 0);
        String clientId = jwt.getClaimAsString("azp");
        String fhirUser = jwt.getClaimAsString("fhirUser");
        if (fhirUser == null) {
            return new Caller(Caller.Kind.SYSTEM, clientId == null ? "unknown" : clientId, scopes, loa, clientId);
        }
        if (fhirUser.startsWith("Patient/")) {
            return new Caller(Caller.Kind.PATIENT, logicalId(fhirUser, "Patient/"), scopes, loa, clientId);
        }
        if (fhirUser.startsWith("Practitioner/")) {
            return new Caller(Caller.Kind.PRACTITIONER, logicalId(fhirUser, "Practitioner/"), scopes, loa, clientId);
        }
        throw new BridgeFhirException(ErrorCode.TOKEN_CLAIM_INVALID, "fhirUser must be a Patient or a Practitioner");
    }

    private static String logicalId(String fhirUser, String prefix) {
        String id = fhirUser.substring(prefix.length());
        if (!LOGICAL_ID.matcher(id).matches()) {
            throw new BridgeFhirException(ErrorCode.TOKEN_CLAIM_INVALID, "fhirUser is not a valid reference");
        }
        return id;
    }
}
