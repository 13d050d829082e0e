package vn.healthid.bridge.consent;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CallerAuthentication;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * {@code Consent}: a citizen grants a clinic access for purposes and a period (create), lists and
 * reads their consents, revokes one ({@code status = inactive} by update, or delete). Only the
 * citizen's own token (no clinic acting for them) manages consents; granting, changing or
 * revoking one needs level 3 proven recently ({@link Caller#requireLevel}). Every change is
 * audited by the audit interceptor like any other write.
 */
@Component
public final class ConsentProvider implements IResourceProvider {

    private final ConsentRepository repository;
    private final ConsentValidator validator;

    public ConsentProvider(ConsentRepository repository, ConsentValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Consent consent) {
        String patientId = citizenProvingRecently();
        if (consent.getStatus() != ConsentState.ACTIVE) {
            throw new BridgeFhirException(BridgeError.REQUEST_INVALID, "Consent: a new consent has status active.");
        }
        Consent stored = repository.create(patientId, validator.accept(consent, patientId));
        return new MethodOutcome(stored.getIdElement(), true).setResource(stored);
    }

    @Read
    public Consent read(@IdParam IdType id) {
        return owned(id.getIdPart(), citizen());
    }

    @Search
    public List<Consent> search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        String patientId = citizen();
        if (patient != null && !patientId.equals(patient.getIdPart())) {
            throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        }
        return repository.ofPatient(patientId);
    }

    /** Revocation ({@code status = inactive}) or a change of actors, purposes or period; never a revival. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent consent) {
        String patientId = citizenProvingRecently();
        Consent current = owned(id.getIdPart(), patientId);
        if (current.getStatus() == ConsentState.INACTIVE && consent.getStatus() == ConsentState.ACTIVE) {
            throw new BridgeFhirException(
                    BridgeError.REQUEST_INVALID, "Consent: a revoked consent stays revoked; grant a new one.");
        }
        long version = Long.parseLong(current.getMeta().getVersionId());
        if (id.hasVersionIdPart() && id.getVersionIdPartAsLong() != version) {
            throw new BridgeFhirException(BridgeError.PRECONDITION_FAILED);
        }
        consent.setId(id.getIdPart());
        try {
            Consent stored = repository.update(validator.accept(consent, patientId), version);
            return new MethodOutcome(stored.getIdElement(), false).setResource(stored);
        } catch (VersionConflictException e) {
            throw new BridgeFhirException(BridgeError.VERSION_CONFLICT);
        }
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        String patientId = citizenProvingRecently();
        owned(id.getIdPart(), patientId);
        repository.delete(patientId, id.getIdPart());
        return new MethodOutcome();
    }

    private Consent owned(String id, String patientId) {
        Consent consent = repository
                .find(id)
                .filter(found ->
                        ("Patient/" + patientId).equals(found.getPatient().getReference()))
                .orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND, "Consent/" + id + " is not known."));
        return consent;
    }

    /** The citizen managing their own consents: no system client, no clinic acting for them. */
    private static String citizen() {
        return citizenCaller().patientId().orElseThrow();
    }

    /** A change of consent: the citizen, at level 3 proven within healthid.security.recent-proof. */
    private static String citizenProvingRecently() {
        Caller caller = citizenCaller();
        caller.requireLevel(3);
        return caller.patientId().orElseThrow();
    }

    private static Caller citizenCaller() {
        Caller caller = CallerAuthentication.require();
        if (!caller.isCitizenInPerson()) {
            throw new BridgeFhirException(
                    BridgeError.SCOPE_INSUFFICIENT, "Consents are managed by the citizen with their own token.");
        }
        return caller;
    }
}
