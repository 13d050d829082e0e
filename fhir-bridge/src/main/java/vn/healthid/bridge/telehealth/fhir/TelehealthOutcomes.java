package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import vn.healthid.bridge.fhir.BridgeInterceptor;
import vn.healthid.bridge.telehealth.TelehealthException;

/**
 * Keeps telehealth's stable codes ({@code APPOINTMENT_TRANSITION_INVALID}, {@code TICKET_INVALID},
 * ...) on the way out: the core's normaliser would map them to its generic per-status code. Runs
 * before it (lower order) and answers only for {@link TelehealthException}, which already carries
 * a complete OperationOutcome in the bridge's code system; anything else is left to the core.
 */
@Interceptor
public final class TelehealthOutcomes implements BridgeInterceptor {

    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -100)
    public BaseServerResponseException keep(Throwable thrown) {
        return thrown instanceof TelehealthException telehealth ? telehealth : null;
    }
}
