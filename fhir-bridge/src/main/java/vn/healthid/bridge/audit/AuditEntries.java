package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CallerAuthentication;

/** Builds the entries of one interaction: one per person touched, or one naming nobody. */
final class AuditEntries {

    private final PatientsInvolved patients;
    private final AuditProperties properties;
    private final Clock clock;

    AuditEntries(PatientsInvolved patients, AuditProperties properties, Clock clock) {
        this.patients = patients;
        this.properties = properties;
        this.clock = clock;
    }

    Set<AuditEntry> success(RequestDetails request, RestInteraction interaction, IBaseResource body) {
        Caller caller = CallerAuthentication.current().orElse(null);
        Set<String> touched = ownTrail(request, caller).orElseGet(() -> patients.inResponse(body));
        if (touched.isEmpty() && !Withheld.of(request).isEmpty()) {
            Set<AuditEntry> refused = new LinkedHashSet<>();
            Withheld.of(request)
                    .forEach((patient, code) ->
                            refused.addAll(entries(request, interaction, caller, Set.of(patient), "4", code, body)));
            return refused;
        }
        if (touched.isEmpty()) {
            touched = patients.inRequest(request, caller);
        }
        Set<AuditEntry> result = entries(request, interaction, caller, touched, "0", null, body);
        Withheld.of(request)
                .forEach((patient, code) ->
                        result.addAll(entries(request, interaction, caller, Set.of(patient), "4", code, body)));
        return result;
    }

    Set<AuditEntry> failure(RequestDetails request, RestInteraction interaction, BaseServerResponseException e) {
        Caller caller = CallerAuthentication.current().orElse(null);
        String outcome = e.getStatusCode() >= 500 ? "8" : "4";
        return entries(request, interaction, caller, patients.inRequest(request, caller), outcome, codeOf(e), null);
    }

    private Set<AuditEntry> entries(
            RequestDetails request,
            RestInteraction interaction,
            Caller caller,
            Set<String> touched,
            String outcome,
            String code,
            IBaseResource body) {
        String purpose = PurposeOfUse.of(request.getHeader(properties.purposeHeader()), caller)
                .orElse(null);
        String entity = entity(request, body);
        Optional<StaffMember> staff = StaffMember.behind(caller);
        Set<AuditEntry> result = new LinkedHashSet<>();
        for (String patient : touched.isEmpty() ? Set.<String>of("") : touched) {
            result.add(new AuditEntry(
                    clock.instant(),
                    AuditEntry.SOURCE_BRIDGE,
                    "rest",
                    interaction.subtype(),
                    interaction.action(),
                    outcome,
                    caller == null ? null : caller.accountableClient(),
                    caller == null ? null : caller.user(),
                    patient.isEmpty() ? null : patient,
                    entity,
                    purpose,
                    code,
                    staff.map(StaffMember::user).orElse(null),
                    staff.map(StaffMember::name).orElse(null)));
        }
        return result;
    }

    /**
     * A citizen listing their own trail touched their own data only: the listed entries name other
     * people (who read their records), and attributing the listing to those would write a false
     * entry into someone else's trail.
     */
    private static Optional<Set<String>> ownTrail(RequestDetails request, Caller caller) {
        if (!"AuditEvent".equals(request.getResourceName()) || caller == null) {
            return Optional.empty();
        }
        return Optional.of(caller.patientId().map(Set::of).orElse(Set.of()));
    }

    /** {@code Type/id} for instance interactions, {@code Type} for type-level ones; ids outside the scheme are not copied. */
    private static String entity(RequestDetails request, IBaseResource body) {
        String type = request.getResourceName();
        if (type == null) {
            return null;
        }
        String id = request.getId() != null && request.getId().hasIdPart()
                ? request.getId().getIdPart()
                : null;
        if (id == null
                && body != null
                && type.equals(body.fhirType())
                && body.getIdElement().hasIdPart()) {
            id = body.getIdElement().getIdPart();
        }
        if (id == null) {
            return type;
        }
        boolean safe = !type.equals("Patient")
                ? id.matches("[A-Za-z0-9\\-.]{1,64}") && !id.matches("\\d{9,12}")
                : PatientsInvolved.isPatientId(id);
        // an id outside the scheme is named by its type only: never copied, never a malformed reference
        return safe ? type + "/" + id : type;
    }

    /** The stable code of a bridge error, else the HTTP status (e.g. HAPI's own 404). */
    private static String codeOf(BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof OperationOutcome outcome) {
            for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
                for (org.hl7.fhir.r4.model.Coding coding : issue.getDetails().getCoding()) {
                    if (ErrorCode.SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                        return coding.getCode();
                    }
                }
            }
        }
        return "HTTP_" + e.getStatusCode();
    }
}
