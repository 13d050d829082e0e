package vn.healthid.bridge.consent;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.audit.FhirHarness;
import vn.healthid.bridge.audit.PurposeOfUse;

/** Consent bodies as a citizen app would send them. */
final class Consents {

    private Consents() {}

    static Consent grant(String clientId, String purpose, Instant start, Instant end) {
        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.getProvision().getPeriod().setStart(Date.from(start)).setEnd(Date.from(end));
        consent.getProvision()
                .addActor()
                .setReference(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(ConsentCodes.CLIENT_ID_SYSTEM)
                                .setValue(clientId)));
        consent.getProvision().addPurpose(new Coding(PurposeOfUse.SYSTEM, purpose, null));
        return consent;
    }

    static String json(Consent consent) {
        return FhirHarness.FHIR.newJsonParser().encodeResourceToString(consent);
    }
}
