package vn.healthid.bridge.consent;

import java.time.Instant;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.audit.PurposeOfUse;
import vn.healthid.bridge.consent.ConsentDecision.Verdict;

/**
 * Whether a citizen has let a client access their data for a purpose at an instant: an active,
 * permitting consent whose period contains the instant, naming the client (by client id or by the
 * Organization it acts for) and the purpose. For access without a chip-present token; the verdict
 * says why not, so that callers answer with a reason.
 */
@Component
public final class ConsentCheck {

    private final ConsentRepository consents;
    private final ConsentProperties properties;

    public ConsentCheck(ConsentRepository consents, ConsentProperties properties) {
        this.consents = consents;
        this.properties = properties;
    }

    public ConsentDecision allows(String patientId, String clientId, String purpose, Instant now) {
        Verdict closest = Verdict.CONSENT_NONE;
        for (Consent consent : consents.ofPatient(patientId)) {
            if (consent.getProvision().getType() != ConsentProvisionType.PERMIT || !names(consent, clientId)) {
                continue;
            }
            Verdict verdict = verdict(consent, purpose, now);
            if (verdict == Verdict.GRANTED) {
                return new ConsentDecision(
                        Verdict.GRANTED, consent.getIdElement().getIdPart());
            }
            closest = verdict;
        }
        return ConsentDecision.denied(closest);
    }

    private static Verdict verdict(Consent consent, String purpose, Instant now) {
        if (consent.getStatus() != ConsentState.ACTIVE) {
            return Verdict.CONSENT_REVOKED;
        }
        Period period = consent.getProvision().getPeriod();
        if (period.hasStart() && now.isBefore(period.getStart().toInstant())) {
            return Verdict.CONSENT_NOT_YET_VALID;
        }
        if (!period.hasEnd() || !now.isBefore(period.getEnd().toInstant())) {
            return Verdict.CONSENT_EXPIRED;
        }
        for (Coding granted : consent.getProvision().getPurpose()) {
            if (PurposeOfUse.SYSTEM.equals(granted.getSystem())
                    && granted.getCode().equals(purpose)) {
                return Verdict.GRANTED;
            }
        }
        return Verdict.CONSENT_PURPOSE_NOT_COVERED;
    }

    private boolean names(Consent consent, String clientId) {
        String organization = properties.organizations().get(clientId);
        for (provisionActorComponent actor : consent.getProvision().getActor()) {
            Identifier identifier = actor.getReference().getIdentifier();
            String value = identifier.getValue();
            if (ConsentCodes.CLIENT_ID_SYSTEM.equals(identifier.getSystem()) && clientId.equals(value)) {
                return true;
            }
            if (organization != null && organization.equals(identifier.getSystem() + "|" + value)) {
                return true;
            }
        }
        return false;
    }
}
