package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.CallerAuthentication;
import vn.healthid.bridge.telehealth.TelehealthServices;
import vn.healthid.bridge.telehealth.persist.StoredSession;

/**
 * {@code Appointment} for telehealth sessions: create, read, update (status changes only; cancel
 * is an update to {@code cancelled}; If-Match honoured), search by patient, practitioner, date and
 * status, {@code $join} on an instance and {@code $redeem-ticket} on the type (video service).
 */
public final class AppointmentProvider implements IResourceProvider {

    private final TelehealthServices services;
    private final SearchCriteria criteria = new SearchCriteria();
    private final JoinParameters parameters = new JoinParameters();

    public AppointmentProvider(TelehealthServices services) {
        this.services = services;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Appointment appointment) {
        StoredSession created = services.booking()
                .create(CallerAuthentication.require(), services.mapper().toSession(appointment));
        return outcome(created).setCreated(true);
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return services.mapper().toFhir(services.queries().read(CallerAuthentication.require(), id.getIdPart()));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment appointment) {
        Long ifMatch = null;
        if (id.hasVersionIdPart()) {
            if (!id.isVersionIdPartValidLong()) {
                throw new BridgeFhirException(BridgeError.PRECONDITION_FAILED, "If-Match must be a version number.");
            }
            ifMatch = id.getVersionIdPartAsLong();
        }
        StoredSession updated = services.booking()
                .update(
                        CallerAuthentication.require(),
                        id.getIdPart(),
                        services.mapper().toSession(appointment),
                        ifMatch);
        return outcome(updated);
    }

    @Search
    public List<Appointment> search(
            @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Appointment.SP_STATUS) TokenOrListParam status) {
        return services
                .queries()
                .search(CallerAuthentication.require(), criteria.of(patient, practitioner, date, status))
                .stream()
                .map(services.mapper()::toFhir)
                .toList();
    }

    @Operation(name = "$join", idempotent = false)
    public Parameters join(@IdParam IdType id) {
        return parameters.joined(services.join().join(CallerAuthentication.require(), id.getIdPart()));
    }

    @Operation(name = "$redeem-ticket", idempotent = false)
    public Parameters redeem(
            @OperationParam(name = "ticket", min = 1, max = 1) StringType ticket,
            @OperationParam(name = "appointment", max = 1) StringType appointment) {
        String room = appointment == null ? null : appointment.getValue();
        return parameters.redeemed(services.join().redeem(CallerAuthentication.require(), ticket.getValue(), room));
    }

    private MethodOutcome outcome(StoredSession stored) {
        Appointment resource = services.mapper().toFhir(stored);
        return new MethodOutcome(new IdType("Appointment", resource.getIdPart(), Long.toString(stored.version())))
                .setResource(resource);
    }
}
