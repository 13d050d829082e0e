package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code GET /fhir/AuditEvent}: "who looked at my records". Only a citizen's own token lists
 * entries, and only theirs, newest first, paged with {@code _count} and {@code _offset}. System and
 * clinic tokens get 403: the trail of a person is theirs (and the auditors', outside the API).
 */
@Component
public final class AuditEventProvider implements IResourceProvider {

    private final AuditTrail trail;
    private final AuditEventTranslator translator;
    private final AuditProperties properties;

    public AuditEventProvider(AuditTrail trail, AuditEventTranslator translator, AuditProperties properties) {
        this.trail = trail;
        this.translator = translator;
        this.properties = properties;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
            @Count Integer count,
            @Offset Integer offset) {
        Caller caller = CallerAuthentication.current().orElseThrow(() -> forbidden("no caller identity"));
        // the scope (patient/AuditEvent.rs) was checked by the SMART authorization before this runs
        if (!caller.isCitizenInPerson()) {
            throw forbidden("only the citizen's own token lists audit events");
        }
        String own = caller.patientId().orElseThrow();
        if (patient != null && !own.equals(patient.getIdPart())) {
            throw forbidden("the audit events of another patient");
        }
        int size =
                count == null ? properties.defaultPageSize() : Math.max(1, Math.min(count, properties.maxPageSize()));
        int from = offset == null ? 0 : Math.max(0, offset);
        AuditTrail.Page page = trail.list(own, from, size);
        List<IBaseResource> events = page.entries().stream()
                .map(entry -> (IBaseResource) translator.toFhir(entry))
                .toList();
        SimpleBundleProvider result = new SimpleBundleProvider(events);
        result.setSize(page.total());
        result.setCurrentPageOffset(from);
        result.setCurrentPageSize(size);
        return result;
    }

    private static ForbiddenOperationException forbidden(String why) {
        return new ForbiddenOperationException("Access denied: " + why);
    }
}
