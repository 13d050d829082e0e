package vn.healthid.bridge.coverage.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;

/**
 * Decides who may look up whose coverage:
 *
 * <ul>
 *   <li>a clinic's system holding the citizen's chip-present token ({@code act.client_id} and a chip
 *       {@code acr}), with its clerk's own token in {@link AccessSettings#staffTokenHeader()} for the
 *       gateway's hoTenCb / cccdCb;
 *   <li>the citizen, for their own coverage only;
 *   <li>a clinic's own system token under the citizen's consent: {@link ConsentAccess}, with its
 *       clerk's token as above;
 *   <li>nobody else.
 * </ul>
 */
public final class CoverageAccess {

    private static final Pattern SCOPE = Pattern.compile(
            "^(patient|user|system)/(Coverage|CoverageEligibilityRequest|\\*)\\.(read|write|\\*|c?r?u?d?s?)$");

    private final AccessSettings settings;
    private final JwtDecoder decoder;
    private final ConsentAccess consents;
    private final Predicate<Jwt> scope;
    private final String scopeName;

    public CoverageAccess(AccessSettings settings, JwtDecoder decoder, ConsentAccess consents) {
        this(settings, decoder, consents, CoverageAccess::hasScope, "Coverage");
    }

    private CoverageAccess(
            AccessSettings settings,
            JwtDecoder decoder,
            ConsentAccess consents,
            Predicate<Jwt> scope,
            String scopeName) {
        this.settings = settings;
        this.decoder = decoder;
        this.consents = consents;
        this.scope = scope;
        this.scopeName = scopeName;
    }

    /**
     * The same people, for a lookup that needs another scope than Coverage's (the treatment history:
     * Encounter; {@code scopeName} names it in the refusal) and, without the chip-present token, a
     * consent for {@code consentPurpose}.
     */
    public CoverageAccess requiring(Predicate<Jwt> scope, String scopeName, String consentPurpose) {
        return new CoverageAccess(settings, decoder, consents.forPurpose(consentPurpose), scope, scopeName);
    }

    /** @param staffToken the raw clerk token from the header, or null */
    public Subject decide(Jwt caller, String patientId, String staffToken) {
        if (caller == null) {
            throw new AccessDenied("COVERAGE_NOT_AUTHENTICATED", "a bearer token is required");
        }
        if (!scope.test(caller)) {
            throw new AccessDenied("COVERAGE_SCOPE_MISSING", "the token has no " + scopeName + " scope");
        }
        var fhirUser = caller.getClaimAsString("fhirUser");
        if (fhirUser == null || !fhirUser.startsWith("Patient/")) {
            return consents.subjectUnderConsent(caller, patientId, clinic -> staffFrom(staffToken, clinic))
                    .orElseThrow(() -> new AccessDenied(
                            "COVERAGE_CONSENT_REQUIRED", "no chip-present token or consent for this patient"));
        }
        if (!fhirUser.equals("Patient/" + patientId)) {
            throw new AccessDenied("COVERAGE_NOT_OWN_PATIENT", "the token is for another patient");
        }
        var clinic = actingClient(caller);
        StaffIdentity staff;
        if (clinic.isPresent()) {
            if (!settings.chipAcrs().contains(caller.getClaimAsString("acr"))) {
                throw new AccessDenied("COVERAGE_CHIP_REQUIRED", "a clinic needs the citizen's chip-present token");
            }
            staff = staffFrom(staffToken, clinic.get());
        } else if (settings.selfServiceStaff() != null) {
            staff = settings.selfServiceStaff();
        } else {
            throw new AccessDenied(
                    "COVERAGE_SELF_SERVICE_DISABLED", "self-service coverage lookups are not configured");
        }
        return new Subject(
                patientId,
                required(caller, "national_id"),
                citizenName(caller),
                birthDate(caller),
                staff,
                clinic.orElse(caller.getClaimAsString("azp")));
    }

    private StaffIdentity staffFrom(String staffToken, String clinic) {
        if (staffToken == null || staffToken.isBlank()) {
            throw new AccessDenied(
                    "COVERAGE_STAFF_IDENTITY_REQUIRED", "send the clerk's token in " + settings.staffTokenHeader());
        }
        Jwt staff;
        try {
            staff = decoder.decode(staffToken.startsWith("Bearer ") ? staffToken.substring(7) : staffToken);
        } catch (JwtException e) {
            throw new AccessDenied("COVERAGE_STAFF_TOKEN_INVALID", "the clerk's token is not valid");
        }
        var staffFhirUser = staff.getClaimAsString("fhirUser");
        // A clerk acts as a Practitioner (or has no fhirUser); a citizen's own token is not a staff identity.
        if (!clinic.equals(staff.getClaimAsString("azp"))
                || (staffFhirUser != null && !staffFhirUser.startsWith("Practitioner/"))) {
            throw new AccessDenied("COVERAGE_STAFF_TOKEN_INVALID", "the clerk's token is not from this clinic");
        }
        try {
            return new StaffIdentity(fullName(staff), staff.getClaimAsString("national_id"));
        } catch (IllegalArgumentException e) {
            throw new AccessDenied("COVERAGE_STAFF_TOKEN_INVALID", "the clerk's token lacks name or national_id");
        }
    }

    /**
     * The full name as the gateway holds it: Vietnamese order, family name first. OIDC's {@code name} is "given
     * family" when a server builds it from the parts (Keycloak does), so the parts win when both are present. Null
     * when the token names nobody.
     */
    static String fullName(Jwt token) {
        var family = token.getClaimAsString("family_name");
        var given = token.getClaimAsString("given_name");
        if (family != null && !family.isBlank() && given != null && !given.isBlank()) {
            return family.strip() + " " + given.strip();
        }
        var name = token.getClaimAsString("name");
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static Optional<String> actingClient(Jwt caller) {
        return caller.getClaims().get("act") instanceof Map<?, ?> act && act.get("client_id") instanceof String id
                ? Optional.of(id)
                : Optional.empty();
    }

    private static boolean hasScope(Jwt caller) {
        var scope = caller.getClaimAsString("scope");
        if (scope == null) {
            return false;
        }
        for (var s : scope.split(" ")) {
            var m = SCOPE.matcher(s);
            var perms = m.matches() ? m.group(3) : "write";
            if (perms.equals("read") || perms.equals("*") || (!perms.equals("write") && perms.matches(".*[rc].*"))) {
                return true;
            }
        }
        return false;
    }

    private static String citizenName(Jwt caller) {
        var name = fullName(caller);
        if (name == null) {
            throw new AccessDenied("COVERAGE_IDENTITY_INCOMPLETE", "the token lacks name");
        }
        return name;
    }

    private static String required(Jwt caller, String claim) {
        var v = caller.getClaimAsString(claim);
        if (v == null || v.isBlank()) {
            throw new AccessDenied("COVERAGE_IDENTITY_INCOMPLETE", "the token lacks " + claim);
        }
        return v;
    }

    private static LocalDate birthDate(Jwt caller) {
        try {
            return LocalDate.parse(required(caller, "birthdate"));
        } catch (DateTimeParseException e) {
            throw new AccessDenied("COVERAGE_IDENTITY_INCOMPLETE", "birthdate is not yyyy-MM-dd");
        }
    }
}
