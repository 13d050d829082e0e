package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import vn.healthid.bridge.security.CallerAuthentication;
import vn.healthid.bridge.telehealth.TelehealthServices;

/**
 * {@code Encounter} read: the VR Encounter of a telehealth session, visible to whoever may read
 * the session (its id is the Appointment's).
 */
public final class EncounterProvider implements IResourceProvider {

    private final TelehealthServices services;

    public EncounterProvider(TelehealthServices services) {
        this.services = services;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return services.queries().encounter(CallerAuthentication.require(), id.getIdPart());
    }
}
