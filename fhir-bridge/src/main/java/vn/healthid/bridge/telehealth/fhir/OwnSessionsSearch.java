package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.healthid.bridge.fhir.BridgeInterceptor;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * A citizen's Appointment search without {@code patient} means "my sessions": {@code
 * patient=<own id>} is added before HAPI picks the method, so that the compartment rules see a
 * bound search (HAPI refuses an unbounded one) and {@code GET Appointment?status=booked} works.
 */
@Interceptor
public final class OwnSessionsSearch implements BridgeInterceptor {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean narrow(RequestDetails request) {
        if (!"Appointment".equals(request.getResourceName())
                || request.getId() != null
                || request.getOperation() != null
                || request.getRequestType() != RequestTypeEnum.GET
                || request.getParameters().containsKey(Appointment.SP_PATIENT)) {
            return true;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            authentication.caller().patientId().ifPresent(own -> {
                Map<String, String[]> parameters = new HashMap<>(request.getParameters());
                parameters.put(Appointment.SP_PATIENT, new String[] {own});
                request.setParameters(parameters);
            });
        }
        return true;
    }
}
