package vn.healthid.bridge.patient;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Access;

/**
 * {@code Patient}: read, and search with no parameter (own record), {@code _id} or {@code
 * identifier}. Prefer {@code POST Patient/_search} with a form body for identifier searches: with
 * GET the CCCD number is part of the URL (and of any access log that records URLs).
 */
public final class PatientResourceProvider implements IResourceProvider {

    private final PatientService service;

    public PatientResourceProvider(PatientService service) {
        this.service = service;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails request) {
        return service.read(Access.of(request), id.getIdPart());
    }

    @Search
    public List<Patient> own(RequestDetails request) {
        return service.own(Access.of(request));
    }

    @Search
    public List<Patient> byId(@RequiredParam(name = "_id") TokenParam id, RequestDetails request) {
        return service.byId(Access.of(request), id.getValue());
    }

    @Search
    public List<Patient> byIdentifier(
            @RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier, RequestDetails request) {
        if (identifier.getSystem() == null || identifier.getValue() == null) {
            throw new BridgeFhirException(BridgeError.PARAMETER_INVALID, "identifier must be <system>|<value>.");
        }
        return service.byIdentifier(Access.of(request), identifier.getSystem(), identifier.getValue());
    }
}
