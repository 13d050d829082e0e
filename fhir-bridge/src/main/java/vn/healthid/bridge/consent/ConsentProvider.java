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
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code Consent}: a citizen grants a clinic access for purposes and a period (create), lists and
 * reads their consents, revokes one ({@code status = inactive} by update, or delete). Only the
 * citizen's own token (no clinic acting for them) manages consents; granting, changing or
 * revoking one needs level 3 proven recently ({@link ConsentOwnerRule}). Every change is audited
 * by the audit interceptor like any other write. Delegates to {@link ConsentService}.
 */
@Component
public final class ConsentProvider implements IResourceProvider {

    private final ConsentService consents;

    public ConsentProvider(ConsentService consents) {
        this.consents = consents;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Consent consent) {
        Consent stored = consents.create(CallerAuthentication.require(), consent);
        return new MethodOutcome(stored.getIdElement(), true).setResource(stored);
    }

    @Read
    public Consent read(@IdParam IdType id) {
        return consents.read(CallerAuthentication.require(), id.getIdPart());
    }

    @Search
    public List<Consent> search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        return consents.search(CallerAuthentication.require(), patient == null ? null : patient.getIdPart());
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent consent) {
        Long ifMatch = id.hasVersionIdPart() ? id.getVersionIdPartAsLong() : null;
        Consent stored = consents.update(CallerAuthentication.require(), id.getIdPart(), ifMatch, consent);
        return new MethodOutcome(stored.getIdElement(), false).setResource(stored);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        consents.delete(CallerAuthentication.require(), id.getIdPart());
        return new MethodOutcome();
    }
}
