package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code POST /fhir/CoverageEligibilityRequest}: the request is checked at once and the answer, a
 * {@code CoverageEligibilityResponse}, is the response body (nothing is stored). A create rather
 * than an operation so that SMART scopes ({@code CoverageEligibilityRequest.c}) and the patient
 * compartment rules of the bridge apply as they do to every other write.
 */
public final class EligibilityProvider implements IResourceProvider {

    private final EligibilityService service;

    public EligibilityProvider(EligibilityService service) {
        this.service = service;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    @Create
    public MethodOutcome check(@ResourceParam CoverageEligibilityRequest request) {
        var response = service.check(request, CallerAuthentication.current().orElse(null));
        var outcome = new MethodOutcome();
        outcome.setResource(response);
        outcome.setCreated(false);
        return outcome;
    }
}
