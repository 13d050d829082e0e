package vn.healthid.bridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;

/**
 * What one FHIR request may touch, decided from the token's scopes before the provider runs.
 * {@code confined}: only the Patient compartment of {@code patientId} (patient scopes, or user
 * scopes of a citizen); otherwise any record of the type (system scopes, or user scopes of
 * clinic staff). Providers read it with {@link #of(RequestDetails)} to narrow their searches.
 */
public record Access(Caller caller, boolean confined, Optional<String> patientId) {

    static final String KEY = Access.class.getName();

    public static Access of(RequestDetails request) {
        Object access = request.getUserData().get(KEY);
        if (access instanceof Access a) {
            return a;
        }
        throw new BridgeFhirException(BridgeError.TOKEN_MISSING);
    }

    /** The patient a confined request is limited to. */
    public String requirePatientId() {
        return patientId.orElseThrow(() -> new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT));
    }
}
