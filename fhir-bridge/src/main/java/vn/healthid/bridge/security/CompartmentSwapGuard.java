package vn.healthid.bridge.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;

/**
 * Refuses a confined search that names another patient in a Patient-compartment parameter (for
 * example {@code Observation?subject=Patient/<other>}) before the provider runs. HAPI's rules
 * would only filter the results, so "403 when the other patient has data, empty when not" would
 * leak whether data exists (hapi-fhir#6065). Patient searches are checked by the Patient service.
 */
@Interceptor
public final class CompartmentSwapGuard {

    private final FhirContext fhirContext;
    private final AccessResolver resolver;

    public CompartmentSwapGuard(FhirContext fhirContext, AccessResolver resolver) {
        this.fhirContext = fhirContext;
        this.resolver = resolver;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation != RestOperationTypeEnum.SEARCH_TYPE || "Patient".equals(request.getResourceName())) {
            return;
        }
        Access access = resolver.resolve(request);
        if (!access.confined()) {
            return;
        }
        String own = access.requirePatientId();
        Map<String, String[]> parameters = request.getParameters();
        for (RuntimeSearchParam parameter : fhirContext
                .getResourceDefinition(request.getResourceName())
                .getSearchParamsForCompartmentName("Patient")) {
            String[] values = parameters.get(parameter.getName());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (String one : value.split(",")) {
                    if (!own.equals(idPart(one))) {
                        BridgeFhirException denied = new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
                        denied.addResponseHeader(
                                "WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
                        throw denied;
                    }
                }
            }
        }
    }

    /** {@code Patient/x}, {@code x} or {@code https://host/fhir/Patient/x} to {@code x}. */
    private static String idPart(String reference) {
        String value = reference.trim();
        int patient = value.lastIndexOf("Patient/");
        return patient >= 0 ? value.substring(patient + "Patient/".length()) : value;
    }
}
