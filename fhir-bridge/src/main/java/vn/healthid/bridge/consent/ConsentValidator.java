package vn.healthid.bridge.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.audit.PurposeOfUse;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;

/**
 * Checks a Consent a citizen submits and fills the fixed parts: a permit for named clients, for
 * stated purposes, over a bounded period; the patient is the caller. Anything the check does not
 * understand is refused (400 REQUEST_INVALID with the reason), never half-honoured.
 */
@Component
public final class ConsentValidator {

    private final ConsentProperties properties;
    private final Clock clock;

    public ConsentValidator(ConsentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Consent accept(Consent consent, String patientId) {
        if (consent.hasPatient()
                && !("Patient/" + patientId).equals(consent.getPatient().getReference())) {
            throw new BridgeFhirException(
                    BridgeError.PATIENT_COMPARTMENT, "A consent is granted by the patient themself.");
        }
        if (consent.getStatus() != ConsentState.ACTIVE && consent.getStatus() != ConsentState.INACTIVE) {
            throw invalid("status must be active (grant) or inactive (revoked).");
        }
        if (consent.getProvision().hasProvision() || consent.getProvision().hasData()) {
            throw invalid("nested provisions and data references are not supported.");
        }
        if (consent.getProvision().hasType() && consent.getProvision().getType() != ConsentProvisionType.PERMIT) {
            throw invalid("provision.type must be permit (everything not permitted is denied).");
        }
        checkPeriod(consent.getProvision().getPeriod());
        checkActors(consent);
        checkPurposes(consent);
        consent.setPatient(new Reference("Patient/" + patientId));
        consent.getProvision().setType(ConsentProvisionType.PERMIT);
        consent.setScope(new CodeableConcept(new Coding(ConsentCodes.SCOPE_SYSTEM, ConsentCodes.SCOPE_PRIVACY, null)));
        consent.getCategory().clear();
        consent.addCategory(
                new CodeableConcept(new Coding(ConsentCodes.LOINC, ConsentCodes.CATEGORY_PATIENT_CONSENT, null)));
        consent.getPolicy().clear();
        consent.setPolicyRule(
                new CodeableConcept(new Coding(ConsentCodes.ACT_CODE_SYSTEM, ConsentCodes.POLICY_OPT_IN, null)));
        consent.setDateTime(Date.from(clock.instant()));
        return consent;
    }

    private void checkPeriod(Period period) {
        if (!period.hasStart() || !period.hasEnd()) {
            throw invalid("provision.period needs a start and an end.");
        }
        Instant start = period.getStart().toInstant();
        Instant end = period.getEnd().toInstant();
        if (!end.isAfter(start)) {
            throw invalid("provision.period must end after it starts.");
        }
        if (Duration.between(start, end).compareTo(properties.maxPeriod()) > 0) {
            throw invalid(
                    "provision.period is longer than " + properties.maxPeriod().toDays() + " days.");
        }
    }

    private static void checkActors(Consent consent) {
        if (consent.getProvision().getActor().isEmpty()) {
            throw invalid("provision.actor must name the clinic (client id or Organization identifier).");
        }
        for (provisionActorComponent actor : consent.getProvision().getActor()) {
            if (!actor.getReference().getIdentifier().hasSystem()
                    || !actor.getReference().getIdentifier().hasValue()) {
                throw invalid("provision.actor.reference must be an identifier (system and value).");
            }
            actor.setRole(new CodeableConcept(new Coding(
                    ConsentCodes.PARTICIPATION_SYSTEM, ConsentCodes.ROLE_RECIPIENT, "information recipient")));
        }
    }

    private static void checkPurposes(Consent consent) {
        if (consent.getProvision().getPurpose().isEmpty()) {
            throw invalid("provision.purpose must state at least one purpose (e.g. TREAT, HPAYMT).");
        }
        for (Coding purpose : consent.getProvision().getPurpose()) {
            if (!PurposeOfUse.SYSTEM.equals(purpose.getSystem())
                    || PurposeOfUse.known(purpose.getCode()).isEmpty()
                    || !purpose.getCode()
                            .equals(PurposeOfUse.known(purpose.getCode()).get())) {
                throw invalid("provision.purpose codes come from " + PurposeOfUse.SYSTEM + ": " + PurposeOfUse.KNOWN);
            }
        }
    }

    private static BridgeFhirException invalid(String why) {
        return new BridgeFhirException(BridgeError.REQUEST_INVALID, "Consent: " + why);
    }
}
