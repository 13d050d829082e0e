package vn.healthid.bridge.consent;

import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.VersionConflictException;

/** A citizen's consents: grant, list, read, change or revoke; who may is {@link ConsentOwnerRule}'s. */
@Component
public final class ConsentService {

    private final ConsentRepository repository;
    private final ConsentValidator validator;

    public ConsentService(ConsentRepository repository, ConsentValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    public Consent create(Caller caller, Consent consent) {
        String patientId = ConsentOwnerRule.changer(caller);
        if (consent.getStatus() != ConsentState.ACTIVE) {
            throw new BridgeFhirException(BridgeError.REQUEST_INVALID, "Consent: a new consent has status active.");
        }
        return repository.create(patientId, validator.accept(consent, patientId));
    }

    public Consent read(Caller caller, String id) {
        return owned(id, ConsentOwnerRule.reader(caller));
    }

    /** {@code patientId} as the search named it, or null. */
    public List<Consent> search(Caller caller, String patientId) {
        String own = ConsentOwnerRule.reader(caller);
        if (patientId != null && !own.equals(patientId)) {
            throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        }
        return repository.ofPatient(own);
    }

    /**
     * Revocation ({@code status = inactive}) or a change of actors, purposes or period; never a
     * revival. {@code ifMatch}: the version the client last read, or null.
     */
    public Consent update(Caller caller, String id, Long ifMatch, Consent consent) {
        String patientId = ConsentOwnerRule.changer(caller);
        Consent current = owned(id, patientId);
        if (current.getStatus() == ConsentState.INACTIVE && consent.getStatus() == ConsentState.ACTIVE) {
            throw new BridgeFhirException(
                    BridgeError.REQUEST_INVALID, "Consent: a revoked consent stays revoked; grant a new one.");
        }
        long version = Long.parseLong(current.getMeta().getVersionId());
        if (ifMatch != null && ifMatch != version) {
            throw new BridgeFhirException(BridgeError.PRECONDITION_FAILED);
        }
        consent.setId(id);
        try {
            return repository.update(validator.accept(consent, patientId), version);
        } catch (VersionConflictException e) {
            throw new BridgeFhirException(BridgeError.VERSION_CONFLICT);
        }
    }

    public void delete(Caller caller, String id) {
        String patientId = ConsentOwnerRule.changer(caller);
        owned(id, patientId);
        repository.delete(patientId, id);
    }

    private Consent owned(String id, String patientId) {
        return repository
                .find(id)
                .filter(found ->
                        ("Patient/" + patientId).equals(found.getPatient().getReference()))
                .orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND, "Consent/" + id + " is not known."));
    }
}
