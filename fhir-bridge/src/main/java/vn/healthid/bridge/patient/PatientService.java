package vn.healthid.bridge.patient;

import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.identity.NationalIds;
import vn.healthid.bridge.identity.PatientIds;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.StoredDocument;

/**
 * Patient reads and searches under an {@link Access}. Confined callers (patient scopes) reach
 * only their own record and cannot search by identifier, so no answer depends on another
 * person's data (hapi-fhir#6065); clinic clients read by id and search by CCCD number.
 */
public final class PatientService {

    private final PatientRegistry registry;
    private final PatientTranslator translator;
    private final PatientIds patientIds;

    public PatientService(PatientRegistry registry, PatientTranslator translator, PatientIds patientIds) {
        this.registry = registry;
        this.translator = translator;
        this.patientIds = patientIds;
    }

    public Patient read(Access access, String patientId) {
        Caller caller = access.caller();
        if (caller.patientId().filter(patientId::equals).isPresent()) {
            return translator.toFhir(registry.ensureFromToken(caller));
        }
        if (access.confined()) {
            throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        }
        StoredDocument document = registry.find(patientId)
                .orElseThrow(() ->
                        new BridgeFhirException(BridgeError.NOT_FOUND, "Patient/" + patientId + " is not known."));
        return translator.toFhir(document);
    }

    /**
     * A search without parameters from a non-citizen (a citizen's is rewritten to {@code _id} by
     * {@link OwnRecordSearchInterceptor}): clinic clients must say whom they look for.
     */
    public List<Patient> own(Access access) {
        if (!access.caller().isCitizen()) {
            throw new BridgeFhirException(
                    BridgeError.PARAMETER_INVALID, "Search Patients by identifier (urn:vn:cccd|<number>) or _id.");
        }
        return List.of(translator.toFhir(registry.ensureFromToken(access.caller())));
    }

    public List<Patient> byId(Access access, String patientId) {
        if (access.confined() && !access.caller().patientId().orElse("").equals(patientId)) {
            throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        }
        if (access.caller().patientId().filter(patientId::equals).isPresent()) {
            return List.of(translator.toFhir(registry.ensureFromToken(access.caller())));
        }
        return registry.find(patientId).map(translator::toFhir).stream().toList();
    }

    public List<Patient> byIdentifier(Access access, String system, String value) {
        if (access.confined()) {
            throw new BridgeFhirException(
                    BridgeError.PATIENT_COMPARTMENT, "Search by identifier is for clinic clients (system scopes).");
        }
        if (!IdentifierSystems.CCCD.equals(system)) {
            throw new BridgeFhirException(
                    BridgeError.PARAMETER_UNSUPPORTED,
                    "Patients are searched by identifier system " + IdentifierSystems.CCCD + ".");
        }
        if (!NationalIds.isValid(value)) {
            throw new BridgeFhirException(BridgeError.PARAMETER_INVALID, "A CCCD number has 12 digits.");
        }
        return registry.find(patientIds.forNationalId(value)).map(translator::toFhir).stream()
                .toList();
    }
}
