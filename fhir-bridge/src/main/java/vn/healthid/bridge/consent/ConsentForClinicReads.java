package vn.healthid.bridge.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.audit.AuditProperties;
import vn.healthid.bridge.audit.PurposeOfUse;
import vn.healthid.bridge.audit.Withheld;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.BridgeInterceptor;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.Caller;

/**
 * A clinic's own token (no citizen's {@code fhirUser}) gets a Patient, by read or search, only when
 * that Patient's consent names the client for the stated purpose ({@code X-Purpose-Of-Use}, else
 * treatment). A search answers as if the person were unknown (the withheld attempt is still
 * audited on their trail); a read by id is refused with 403 {@code CONSENT_REQUIRED}. A citizen's token, chip-present at a clinic or their own, gets its own Patient; any
 * other Patient needs the same consent (the authorization rules already confine it: this check does
 * not rely on them). Checked on the outgoing answer, so that read, {@code _id} and identifier
 * searches are covered alike; runs before the audit hook, which then records the refusal.
 */
@Component
@Interceptor
public final class ConsentForClinicReads implements BridgeInterceptor {

    private final ConsentCheck check;
    private final ConsentProperties properties;
    private final AuditProperties audit;
    private final Clock clock;

    public ConsentForClinicReads(ConsentCheck check, ConsentProperties properties, AuditProperties audit, Clock clock) {
        this.check = check;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean beforeResponse(RequestDetails request, ResponseDetails response) {
        if (!properties.requiredForSystemReads() || response == null || response.getResponseResource() == null) {
            return true;
        }
        List<Patient> patients = patients(response.getResponseResource());
        if (patients.isEmpty()) {
            return true;
        }
        Caller caller = Access.of(request).caller();
        String purpose =
                PurposeOfUse.known(request.getHeader(audit.purposeHeader())).orElse(PurposeOfUse.TREATMENT);
        String client = caller.clientId();
        if (client == null) {
            throw new BridgeFhirException(BridgeError.CONSENT_REQUIRED, "The token names no client (azp).");
        }
        boolean search = response.getResponseResource() instanceof Bundle;
        for (Patient patient : patients) {
            String patientId = patient.getIdElement().getIdPart();
            if (caller.isPatient(patientId)) {
                continue;
            }
            ConsentDecision decision = check.allows(patientId, client, purpose, clock.instant());
            if (decision.granted()) {
                continue;
            }
            if (search) {
                // the same answer as for a person nobody knows: no existence oracle (docs/audit-and-consent.md)
                withhold((Bundle) response.getResponseResource(), patient);
                Withheld.add(request, patientId, BridgeError.CONSENT_REQUIRED.name());
                continue;
            }
            throw new BridgeFhirException(
                    BridgeError.CONSENT_REQUIRED,
                    "No valid consent of Patient/" + patientId + " for this client and purpose " + purpose + " ("
                            + decision.verdict() + ").");
        }
        return true;
    }

    private static void withhold(Bundle bundle, Patient patient) {
        bundle.getEntry().removeIf(entry -> entry.getResource() == patient);
        if (bundle.hasTotal()) {
            bundle.setTotal(Math.max(0, bundle.getTotal() - 1));
        }
    }

    private static List<Patient> patients(IBaseResource body) {
        List<Patient> found = new ArrayList<>();
        if (body instanceof Patient patient) {
            found.add(patient);
        } else if (body instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof Patient patient) {
                    found.add(patient);
                }
            }
        }
        return found;
    }
}
