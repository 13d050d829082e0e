package vn.healthid.bridge.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.AuthorizationRuleContributor;

/**
 * Lets a citizen's confined token reach the Consent provider (a parameterless search or a delete
 * cannot be proven inside the compartment by HAPI); {@link ConsentProvider} checks ownership of
 * every consent itself. The scope check has already run.
 */
@Component
public final class ConsentRules implements AuthorizationRuleContributor {

    @Override
    public List<IAuthRule> rules(Access access, RequestDetails request) {
        if (!"Consent".equals(request.getResourceName()) || !access.caller().isCitizen()) {
            return List.of();
        }
        return new RuleBuilder()
                .allow("own consents")
                .read()
                .resourcesOfType(Consent.class)
                .withAnyId()
                .andThen()
                .allow("own consents")
                .write()
                .resourcesOfType(Consent.class)
                .withAnyId()
                .andThen()
                .allow("own consents")
                .delete()
                .resourcesOfType(Consent.class)
                .withAnyId()
                .andThen()
                .allow("own consents")
                .create()
                .resourcesOfType(Consent.class)
                .withAnyId()
                .build();
    }
}
