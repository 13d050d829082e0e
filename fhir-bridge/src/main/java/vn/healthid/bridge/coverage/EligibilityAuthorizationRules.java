package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.AuthorizationRuleContributor;

/**
 * Lets {@code CoverageEligibilityRequest/$submit} through HAPI's authorization (operations are
 * denied unless a feature allows them). {@link EligibilityService} then checks the scope and who
 * may ask about whom ({@code coverage.access.CoverageAccess}): a citizen's token only about its own
 * Patient, a clinic's with the chip-present token or a consent.
 */
public final class EligibilityAuthorizationRules implements AuthorizationRuleContributor {

    @Override
    public List<IAuthRule> rules(Access access, RequestDetails request) {
        // The answer is about the patient the service let the caller ask about.
        return new RuleBuilder()
                .allow("eligibility-submit")
                .operation()
                .named(EligibilityProvider.OPERATION)
                .onType(CoverageEligibilityRequest.class)
                .andAllowAllResponses()
                .build();
    }
}
