package vn.healthid.bridge.coverage.history;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.AuthorizationRuleContributor;

/**
 * Lets {@code $bhyt-history} through HAPI's authorization (operations are denied unless a feature
 * allows them): a citizen's token, own or chip-present at a clinic, on its own Patient only; a
 * clinic's own token on any Patient. {@link TreatmentHistory} then checks the Encounter scope and
 * who may ask exactly as for Coverage (chip-present token and clerk, consent, or the citizen).
 */
public final class HistoryAuthorizationRules implements AuthorizationRuleContributor {

    @Override
    public List<IAuthRule> rules(Access access, RequestDetails request) {
        var operation = new RuleBuilder().allow("bhyt-history").operation().named(TreatmentHistory.OPERATION);
        var scoped = access.confined()
                ? operation.onInstance(new IdType("Patient", access.requirePatientId()))
                : operation.onInstancesOfType(Patient.class);
        // The Encounters answered are the asked Patient's own; the service decided who may see them.
        return scoped.andAllowAllResponses().build();
    }
}
