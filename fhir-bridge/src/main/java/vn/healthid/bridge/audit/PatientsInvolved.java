package vn.healthid.bridge.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.security.Caller;

/**
 * Whose data a request touched: the patients of the resources returned (a search by identifier is
 * attributed to the person found), else the patient named by the request (the id in the URL, a
 * {@code patient} / {@code subject} / {@code beneficiary} parameter, the body), else the calling
 * citizen. Only patient ids: never search values such as identity numbers.
 */
@Component
public final class PatientsInvolved {

    private static final String[] PATIENT_PARAMETERS = {"patient", "subject", "beneficiary", "patient:Patient"};

    private static final Pattern PATIENT_ID = Pattern.compile("p[a-z2-7]{32}");

    private final FhirTerser terser;

    public PatientsInvolved(FhirContext fhirContext) {
        this.terser = fhirContext.newTerser();
    }

    public Set<String> inResponse(IBaseResource response) {
        Set<String> ids = new LinkedHashSet<>();
        if (response instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null
                        && !(entry.getResource() instanceof org.hl7.fhir.r4.model.OperationOutcome)) {
                    addOwners(entry.getResource(), ids);
                }
            }
        } else if (response != null) {
            addOwners(response, ids);
        }
        return ids;
    }

    public Set<String> inRequest(RequestDetails request, Caller caller) {
        Set<String> ids = new LinkedHashSet<>();
        IIdType id = request.getId();
        if ("Patient".equals(request.getResourceName()) && id != null && isPatientId(id.getIdPart())) {
            ids.add(id.getIdPart());
        }
        for (String name : PATIENT_PARAMETERS) {
            String[] values = request.getParameters().get(name);
            if (values != null) {
                for (String value : values) {
                    patientIdOf(value).ifPresent(ids::add);
                }
            }
        }
        if (ids.isEmpty() && request.getResource() != null) {
            addOwners(request.getResource(), ids);
        }
        if (ids.isEmpty() && caller != null) {
            caller.patientId().ifPresent(ids::add);
        }
        return ids;
    }

    private void addOwners(IBaseResource resource, Set<String> ids) {
        if (resource instanceof Patient patient) {
            if (isPatientId(patient.getIdElement().getIdPart())) {
                ids.add(patient.getIdElement().getIdPart());
            }
            return;
        }
        for (IIdType owner : terser.getCompartmentOwnersForResource("Patient", resource, Set.of())) {
            if (isPatientId(owner.getIdPart())
                    && (!owner.hasResourceType() || "Patient".equals(owner.getResourceType()))) {
                ids.add(owner.getIdPart());
            }
        }
    }

    /** A plain id or {@code Patient/<id>} in the shared scheme; anything else (an identity number) is dropped. */
    private static Optional<String> patientIdOf(String value) {
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        return isPatientId(id) ? Optional.of(id) : Optional.empty();
    }

    /** The shared patient-id scheme: {@code p} + 32 base32 characters (docs/patient-id.md). */
    public static boolean isPatientId(String id) {
        return id != null && PATIENT_ID.matcher(id).matches();
    }
}
