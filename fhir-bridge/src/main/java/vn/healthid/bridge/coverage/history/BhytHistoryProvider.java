package vn.healthid.bridge.coverage.history;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import vn.healthid.bridge.fhir.BridgeOperationProvider;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code GET} or {@code POST /fhir/Patient/<id>/$bhyt-history}: the person's treatment history from
 * the insurance gateway as Encounters. An operation on Patient because Encounter is the telehealth
 * feature's type (HAPI serves one provider per type) and these Encounters are not stored or readable
 * by id. No parameters: the gateway's call has no filters, and a filter silently ignored would
 * answer more than the caller asked for.
 */
public final class BhytHistoryProvider implements BridgeOperationProvider {

    private final TreatmentHistory history;

    public BhytHistoryProvider(TreatmentHistory history) {
        this.history = history;
    }

    @Operation(name = TreatmentHistory.OPERATION, type = Patient.class, idempotent = true)
    public Bundle history(@IdParam IdType patient, RequestDetails request) {
        boolean bodyParameters = request.getResource() instanceof Parameters body && body.hasParameter();
        return history.of(
                CallerAuthentication.current().orElse(null),
                patient.getIdPart(),
                request.getParameters().keySet(),
                bodyParameters);
    }
}
