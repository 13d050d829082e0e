package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.AuthorizationRuleContributor;

/**
 * Lets a citizen's confined token search AuditEvent at all: HAPI's compartment rule cannot prove a
 * parameterless search is inside the compartment. {@link AuditEventProvider} itself returns only the
 * caller's own entries, and the scope check has already run.
 */
@Component
public final class AuditEventRules implements AuthorizationRuleContributor {

    @Override
    public List<IAuthRule> rules(Access access, RequestDetails request) {
        if (!"AuditEvent".equals(request.getResourceName()) || !access.caller().isCitizen()) {
            return List.of();
        }
        return new RuleBuilder()
                .allow("own audit trail")
                .read()
                .resourcesOfType(AuditEvent.class)
                .withAnyId()
                .build();
    }
}
