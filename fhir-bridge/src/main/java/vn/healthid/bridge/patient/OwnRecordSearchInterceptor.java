package vn.healthid.bridge.patient;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.healthid.bridge.fhir.BridgeInterceptor;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * A citizen's {@code GET Patient} without search parameters means "my record": it is rewritten
 * to {@code _id=<own id>} before HAPI picks the search method, so the authorization rules see an
 * explicitly compartment-bound search (HAPI refuses an unbounded search under compartment rules).
 */
@Interceptor
public final class OwnRecordSearchInterceptor implements BridgeInterceptor {

    private static final Set<String> FORMAT_PARAMETERS = Set.of("_format", "_pretty");

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean narrow(RequestDetails request) {
        if (!"Patient".equals(request.getResourceName())
                || request.getId() != null
                || request.getOperation() != null
                || request.getRequestType() != RequestTypeEnum.GET
                || !FORMAT_PARAMETERS.containsAll(request.getParameters().keySet())) {
            return true;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            authentication.caller().patientId().ifPresent(own -> {
                Map<String, String[]> parameters = new HashMap<>(request.getParameters());
                parameters.put("_id", new String[] {own});
                request.setParameters(parameters);
            });
        }
        return true;
    }
}
