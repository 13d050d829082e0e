package vn.healthid.bridge.testsupport;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * A minimal Observation provider (create, read, search by patient) standing in for a later
 * feature: it has no authorization code of its own, so the tests show what the generic SMART
 * rules enforce for any plugged-in type (compartment on create, read and search).
 */
public final class TestObservationProvider implements IResourceProvider {

    private final Map<String, Observation> observations = new ConcurrentHashMap<>();

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Observation observation) {
        String id = "o" + UUID.randomUUID().toString().replace("-", "");
        observation.setId(new IdType("Observation", id, "1"));
        observations.put(id, observation);
        return new MethodOutcome(observation.getIdElement(), true).setResource(observation);
    }

    @Read
    public Observation read(@IdParam IdType id) {
        Observation observation = observations.get(id.getIdPart());
        if (observation == null) {
            throw new ResourceNotFoundException(id);
        }
        return observation;
    }

    @Search
    public List<Observation> byPatient(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient) {
        String wanted = "Patient/" + patient.getIdPart();
        return observations.values().stream()
                .filter(o -> o.getSubject().getReference() != null
                        && o.getSubject().getReference().equals(wanted))
                .toList();
    }
}
