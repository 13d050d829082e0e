package vn.healthid.bridge.audit;

import java.util.Date;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.store.StreamEntry;

/** Stream entry to FHIR R4 {@code AuditEvent} (codes as in IHE Basic Audit Log Patterns). */
@Component
public final class AuditEventTranslator {

    public static final String EVENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public static final String DICOM_SYSTEM = "http://dicom.nema.org/resources/ontology/DCM";
    public static final String KEYCLOAK_EVENT_SYSTEM = "https://healthid.vn/fhir/CodeSystem/keycloak-event";
    public static final String CLIENT_ID_SYSTEM = "https://healthid.vn/fhir/sid/client-id";
    public static final String USER_SYSTEM = "https://healthid.vn/fhir/sid/user";
    /** R4's extra-security-role-type, part of the agent type value set (participation-role-type). */
    public static final String SECURITY_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";

    public static final String OUTCOME_CODE_SYSTEM = "https://healthid.vn/fhir/CodeSystem/bridge-error";

    /** A staff member's {@code fhirUser} that is a reference to their Practitioner (or PractitionerRole). */
    static final Pattern STAFF_REFERENCE = Pattern.compile("(Practitioner|PractitionerRole)/[A-Za-z0-9\\-.]{1,64}");

    /** FHIR's relative reference: {@code Type/id} with a logical id (R4 references.html). */
    static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

    public AuditEvent toFhir(StreamEntry stored) {
        AuditEntry entry = AuditEntry.fromFields(stored.fields());
        AuditEvent event = new AuditEvent();
        event.setId(stored.id());
        if ("login".equals(entry.type())) {
            event.setType(new Coding(DICOM_SYSTEM, "110114", "User Authentication"));
            event.addSubtype(new Coding(KEYCLOAK_EVENT_SYSTEM, entry.subtype(), null));
        } else {
            event.setType(new Coding(EVENT_TYPE_SYSTEM, "rest", "RESTful Operation"));
            event.addSubtype(new Coding(RestInteraction.SYSTEM, entry.subtype(), null));
        }
        event.setAction(AuditEventAction.fromCode(entry.action()));
        event.setRecorded(Date.from(entry.recorded()));
        event.setOutcome(AuditEventOutcome.fromCode(entry.outcome()));
        if (entry.code() != null) {
            event.setOutcomeDesc(entry.code());
        }
        if (entry.purpose() != null) {
            event.addPurposeOfEvent(new CodeableConcept(new Coding(PurposeOfUse.SYSTEM, entry.purpose(), null)));
        }
        if (entry.staff() != null) {
            event.addAgent(staffAgent(entry));
        }
        if (entry.user() != null) {
            // the clerk, when named, is the one initiator (R4 AuditEvent.agent.requestor)
            AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(entry.staff() == null);
            user.setType(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")));
            user.setWho(
                    entry.user().startsWith("Patient/")
                                    && REFERENCE.matcher(entry.user()).matches()
                            ? new Reference(entry.user())
                            : new Reference()
                                    .setIdentifier(new Identifier()
                                            .setSystem(USER_SYSTEM)
                                            .setValue(entry.user())));
        }
        if (entry.client() != null) {
            event.addAgent()
                    .setRequestor(entry.user() == null && entry.staff() == null)
                    .setType(new CodeableConcept(new Coding(DICOM_SYSTEM, "110150", "Application")))
                    .setWho(new Reference()
                            .setIdentifier(
                                    new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(entry.client())));
        }
        event.getSource().setObserver(new Reference().setDisplay(entry.source()));
        if (entry.patient() != null) {
            event.addEntity()
                    .setWhat(reference("Patient/" + entry.patient()))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (entry.entity() != null && !entry.entity().equals("Patient/" + entry.patient())) {
            event.addEntity()
                    .setWhat(reference(entry.entity()))
                    .setType(new Coding(
                            "http://hl7.org/fhir/resource-types", entry.entity().split("/")[0], null));
        }
        return event;
    }

    /**
     * The clinic staff member behind the request (a reception clerk): a human user, named by their
     * Practitioner reference when the entry has one, else by their user id, with their name as display.
     */
    private static AuditEvent.AuditEventAgentComponent staffAgent(AuditEntry entry) {
        Reference who = STAFF_REFERENCE.matcher(entry.staff()).matches()
                ? new Reference(entry.staff())
                : new Reference()
                        .setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(entry.staff()));
        if (entry.staffName() != null) {
            who.setDisplay(entry.staffName());
        }
        return new AuditEvent.AuditEventAgentComponent()
                .setRequestor(true)
                .setType(new CodeableConcept(new Coding(SECURITY_ROLE_SYSTEM, "humanuser", "human user")))
                .setWho(who);
    }

    /**
     * A literal reference only when it is one FHIR accepts; anything else (an entry of an older
     * version naming an unrecognised id, a Keycloak entry) is kept as {@code display}.
     */
    static Reference reference(String value) {
        return REFERENCE.matcher(value).matches() ? new Reference(value) : new Reference().setDisplay(value);
    }
}
