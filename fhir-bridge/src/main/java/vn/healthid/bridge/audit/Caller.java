package vn.healthid.bridge.audit;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * Who is calling, as the audit trail names them: read from the verified access token in Spring
 * Security's context (the security feature's {@link CallerAuthentication}, or a plain JWT principal).
 *
 * @param client the OAuth client ({@code azp})
 * @param user {@code fhirUser} when present, else {@code sub}
 * @param patientId the patient of a citizen token ({@code fhirUser = Patient/<id>}); null otherwise
 * @param actingClient the clinic of a back-channel token ({@code act.client_id}); null otherwise
 * @param acr the authentication level reached
 * @param purposeClaim the token's {@code purpose_of_use} claim, if any
 */
public record Caller(
        String client, String user, String patientId, String actingClient, String acr, String purposeClaim) {

    private static final String PATIENT_PREFIX = "Patient/";

    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication verified && verified.token() != null) {
            return Optional.of(of(verified.token()));
        }
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(of(jwt));
        }
        return Optional.empty();
    }

    public static Caller of(Jwt jwt) {
        String fhirUser = jwt.getClaimAsString("fhirUser");
        String patientId = fhirUser != null && fhirUser.startsWith(PATIENT_PREFIX)
                ? fhirUser.substring(PATIENT_PREFIX.length())
                : null;
        String acting = jwt.getClaims().get("act") instanceof Map<?, ?> act && act.get("client_id") instanceof String id
                ? id
                : null;
        return new Caller(
                jwt.getClaimAsString("azp"),
                fhirUser != null ? fhirUser : jwt.getSubject(),
                patientId,
                acting,
                jwt.getClaimAsString("acr"),
                jwt.getClaimAsString("purpose_of_use"));
    }

    /** A citizen acting for themselves or through a clinic with their token. */
    public boolean isCitizen() {
        return patientId != null;
    }

    /** The client to hold accountable: the clinic behind a back-channel token, else {@code azp}. */
    public String accountableClient() {
        return actingClient != null ? actingClient : client;
    }
}
