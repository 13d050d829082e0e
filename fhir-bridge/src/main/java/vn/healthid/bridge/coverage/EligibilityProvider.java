package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
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
    private final String staffTokenHeader;

    public EligibilityProvider(EligibilityService service, String staffTokenHeader) {
        this.service = service;
        this.staffTokenHeader = staffTokenHeader;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    @Create
    public MethodOutcome check(@ResourceParam CoverageEligibilityRequest request, HttpServletRequest http) {
        var response = service.check(request, CallerAuthentication.currentToken(), http.getHeader(staffTokenHeader));
        var outcome = new MethodOutcome();
        outcome.setResource(response);
        outcome.setCreated(false);
        return outcome;
    }
}
