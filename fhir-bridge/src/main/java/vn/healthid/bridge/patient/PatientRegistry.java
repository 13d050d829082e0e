package vn.healthid.bridge.patient;

import java.util.Optional;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CitizenClaims;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * The store of Patients. A citizen's Patient is created, or updated when the verified claims
 * changed, from their token on access (compare-and-set, so concurrent first requests of one
 * citizen write once).
 */
public final class PatientRegistry {

    static final String COLLECTION = "Patient";
    private static final int ATTEMPTS = 3;

    private final DocumentStore store;
    private final PatientTranslator translator;

    public PatientRegistry(DocumentStore store, PatientTranslator translator) {
        this.store = store;
        this.translator = translator;
    }

    public Optional<StoredDocument> find(String patientId) {
        return store.get(COLLECTION, patientId);
    }

    /**
     * The caller's own Patient, written from the token's claims when missing or outdated. A token
     * without identity claims (public clients carry no number) gets the registered Patient, or 404
     * {@code NOT_FOUND} while the citizen was never registered (docs/patient-id.md).
     */
    public StoredDocument ensureFromToken(Caller caller) {
        String patientId = caller.patientId().orElseThrow();
        if (caller.citizen().isEmpty()) {
            return find(patientId)
                    .orElseThrow(() -> new BridgeFhirException(
                            BridgeError.NOT_FOUND,
                            "Patient/" + patientId + " is not registered yet: it is created at the first sign-in"
                                    + " at a clinic or with a confidential client."));
        }
        CitizenClaims claims = caller.citizen().orElseThrow();
        String body = translator.fromClaims(patientId, claims);
        for (int attempt = 1; ; attempt++) {
            Optional<StoredDocument> current = store.get(COLLECTION, patientId);
            if (current.isPresent() && current.get().body().equals(body)) {
                return current.get();
            }
            long expected = current.map(StoredDocument::version).orElse(DocumentStore.MUST_NOT_EXIST);
            try {
                return store.put(COLLECTION, patientId, body, expected);
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
