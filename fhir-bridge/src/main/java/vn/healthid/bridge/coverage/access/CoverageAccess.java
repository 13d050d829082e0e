package vn.healthid.bridge.coverage.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.identity.PersonNames;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.StaffProof;
import vn.healthid.bridge.smart.Interaction;

/**
 * Decides who may look up whose coverage, asking the request's {@link Caller}:
 *
 * <ul>
 *   <li>a clinic's system holding the citizen's chip-present token ({@code act.client_id} and a chip
 *       {@code acr}), with its clerk's own verified token ({@link Caller#staff()}) for the gateway's
 *       hoTenCb / cccdCb;
 *   <li>the citizen, for their own coverage only;
 *   <li>a clinic's own system token under the citizen's consent: {@link ConsentAccess}, with its
 *       clerk's token as above;
 *   <li>nobody else.
 * </ul>
 *
 * The identity sent to the gateway is the token's verified claims when it carries them (confidential
 * clinic clients), else the registered Patient ({@link RegisteredIdentities}): public clients' tokens
 * carry no identity number.
 */
public final class CoverageAccess {

    /** What a lookup needs from the scopes: one of these interactions on its type. */
    public record Need(String scopeName, Map<String, Set<Interaction>> grants) {}

    /** Reading Coverage, or creating the CoverageEligibilityRequest the check answers. */
    static final Need COVERAGE = new Need(
            "Coverage",
            Map.of(
                    "Coverage", Set.of(Interaction.READ, Interaction.SEARCH),
                    "CoverageEligibilityRequest", Set.of(Interaction.CREATE)));

    private final AccessSettings settings;
    private final ConsentAccess consents;
    private final RegisteredIdentities registered;
    private final Need need;

    public CoverageAccess(AccessSettings settings, ConsentAccess consents, RegisteredIdentities registered) {
        this(settings, consents, registered, COVERAGE);
    }

    private CoverageAccess(
            AccessSettings settings, ConsentAccess consents, RegisteredIdentities registered, Need need) {
        this.settings = settings;
        this.consents = consents;
        this.registered = registered;
        this.need = need;
    }

    /**
     * The same people, for a lookup that needs another scope than Coverage's (the treatment history:
     * Encounter) and, without the chip-present token, a consent for {@code consentPurpose}.
     */
    public CoverageAccess requiring(Need other, String consentPurpose) {
        return new CoverageAccess(settings, consents.forPurpose(consentPurpose), registered, other);
    }

    public Lookup decide(Caller caller, String patientId) {
        if (caller == null) {
            throw new BridgeFhirException(CoverageError.COVERAGE_NOT_AUTHENTICATED, "a bearer token is required");
        }
        if (!granted(caller)) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_SCOPE_MISSING, "the token has no " + need.scopeName() + " scope");
        }
        if (!caller.isCitizen()) {
            return consents.subjectUnderConsent(caller, patientId, clinic -> staffOf(caller, clinic))
                    .orElseThrow(() -> new BridgeFhirException(
                            CoverageError.COVERAGE_CONSENT_REQUIRED,
                            "no chip-present token or consent for this patient"));
        }
        if (!caller.isPatient(patientId)) {
            throw new BridgeFhirException(CoverageError.COVERAGE_NOT_OWN_PATIENT, "the token is for another patient");
        }
        Optional<String> clinic = caller.actingClient();
        StaffIdentity staff;
        if (clinic.isPresent()) {
            if (!caller.acr().filter(settings.chipAcrs()::contains).isPresent()) {
                throw new BridgeFhirException(
                        CoverageError.COVERAGE_CHIP_REQUIRED, "a clinic needs the citizen's chip-present token");
            }
            staff = staffOf(caller, clinic.get());
        } else if (settings.selfServiceStaff() != null) {
            staff = settings.selfServiceStaff();
        } else {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_SELF_SERVICE_DISABLED, "self-service coverage lookups are not configured");
        }
        RegisteredIdentities.Identity identity =
                caller.citizen().map(RegisteredIdentities::fromClaims).orElseGet(() -> registered.of(patientId));
        return new Lookup(
                patientId,
                identity.nationalId(),
                identity.fullName(),
                identity.birthDate(),
                staff,
                clinic.orElse(caller.clientId()));
    }

    private boolean granted(Caller caller) {
        return need.grants().entrySet().stream()
                .anyMatch(grant -> grant.getValue().stream().anyMatch(i -> caller.may(i, grant.getKey())));
    }

    private StaffIdentity staffOf(Caller caller, String clinic) {
        StaffProof staff = caller.staff();
        if (staff.state() == StaffProof.State.ABSENT) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_STAFF_IDENTITY_REQUIRED,
                    "send the clerk's token in " + settings.staffTokenHeader());
        }
        // A clerk acts as a Practitioner (or has no fhirUser); a citizen's own token is not a staff identity.
        if (staff.state() != StaffProof.State.VALID
                || !clinic.equals(staff.clientId())
                || staff.fhirUser()
                        .filter(user -> !user.startsWith("Practitioner/"))
                        .isPresent()) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_STAFF_TOKEN_INVALID, "the clerk's token is not valid for this clinic");
        }
        try {
            return new StaffIdentity(
                    PersonNames.fullName(staff.familyName(), staff.givenName(), staff.name()),
                    staff.nationalId().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_STAFF_TOKEN_INVALID, "the clerk's token lacks name or national_id");
        }
    }
}
