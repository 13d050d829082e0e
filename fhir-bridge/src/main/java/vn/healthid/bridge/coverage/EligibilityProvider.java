package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code POST /fhir/CoverageEligibilityRequest/$submit} with a {@code Parameters} body whose
 * {@code resource} is the request: the request is checked at once and the answer, a {@code
 * CoverageEligibilityResponse}, is the response body. An operation, not a create: nothing is
 * stored, and an R4 create answers with the created resource and its Location, not with another
 * type (docs/fhir-api.md). OperationDefinition: {@code
 * https://healthid.vn/fhir/OperationDefinition/CoverageEligibilityRequest-submit}.
 */
public final class EligibilityProvider implements IResourceProvider {

    public static final String OPERATION = "$submit";

    private final EligibilityService service;

    public EligibilityProvider(EligibilityService service) {
        this.service = service;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return CoverageEligibilityRequest.class;
    }

    @Operation(name = OPERATION, idempotent = false)
    public CoverageEligibilityResponse submit(
            @OperationParam(name = "resource", min = 1, max = 1) CoverageEligibilityRequest request) {
        return service.check(request, CallerAuthentication.current().orElse(null));
    }
}
