package vn.healthid.bridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.BridgeInterceptor;

/**
 * Records one audit entry per person touched by every FHIR interaction, once its outcome is known:
 * successes just before the response is written, denials and errors when HAPI handles the
 * exception. When the trail cannot take the entry of a read or search and {@code fail-closed} is
 * on, the data is withheld and the caller gets 503 AUDIT_UNAVAILABLE. A write has already happened
 * by then: its lost entry is logged as an error rather than hidden behind a misleading 503.
 */
@Component
@Interceptor
public final class AuditInterceptor implements BridgeInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final int LAST = 10_000;
    private static final String AUDITED = AuditInterceptor.class.getName() + ".audited";

    private final AuditTrail trail;
    private final AuditEntries entries;
    private final AuditProperties properties;
    private final Counter lost;

    public AuditInterceptor(
            AuditTrail trail,
            PatientsInvolved patients,
            AuditProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.trail = trail;
        this.entries = new AuditEntries(patients, properties, clock);
        this.properties = properties;
        this.lost = Counter.builder("healthid.audit.lost")
                .description("audit entries the store did not take (logged at ERROR)")
                .register(meters);
    }

    /** After every other outgoing check (the authorization interceptor may still deny the response). */
    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = LAST)
    public boolean beforeResponse(RequestDetails request, ResponseDetails response) {
        if (!firstTime(request)) {
            return true;
        }
        RestInteraction interaction = RestInteraction.of(request.getRestOperationType());
        IBaseResource body = response == null ? null : response.getResponseResource();
        BridgeFhirException lostEntry =
                recordOrCountLoss(entries.success(request, interaction, body), request, interaction.subtype());
        if (lostEntry != null && properties.failClosed() && interaction.releasesData()) {
            throw lostEntry;
        }
        return true;
    }

    /** Writes without a response body may complete without the outgoing-response hook. */
    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
    public void completed(RequestDetails request) {
        if (!firstTime(request)) {
            return;
        }
        RestInteraction interaction = RestInteraction.of(request.getRestOperationType());
        recordOrCountLoss(entries.success(request, interaction, null), request, interaction.subtype());
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean failed(RequestDetails request, BaseServerResponseException exception) {
        if (!firstTime(request)) {
            return true;
        }
        RestInteraction interaction = RestInteraction.of(request.getRestOperationType());
        // the caller already gets an error; a loss here is the denial itself going unrecorded
        recordOrCountLoss(
                entries.failure(request, interaction, exception),
                request,
                "failed " + interaction.subtype() + " (" + exception.getStatusCode() + ")");
        return true;
    }

    /** Records the entries; when the trail cannot take them, counts and logs the loss and returns it. */
    private BridgeFhirException recordOrCountLoss(
            Set<AuditEntry> toRecord, RequestDetails request, String interaction) {
        try {
            record(toRecord);
            return null;
        } catch (BridgeFhirException e) {
            lost.increment();
            LOG.error(
                    "audit entry lost for {} {}: {}",
                    interaction,
                    request.getResourceName(),
                    e.getCause().toString());
            return e;
        }
    }

    private void record(Set<AuditEntry> toRecord) {
        for (AuditEntry entry : toRecord) {
            trail.record(entry);
        }
    }

    /** Marks the request audited; false when it already was or is not about anyone's data. */
    private static boolean firstTime(RequestDetails request) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (operation == RestOperationTypeEnum.METADATA || request.getUserData().containsKey(AUDITED)) {
            return false;
        }
        request.getUserData().put(AUDITED, Boolean.TRUE);
        return true;
    }
}
