package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import vn.healthid.bridge.security.Access;
import vn.healthid.bridge.security.AuthorizationRuleContributor;

/**
 * Lets {@code $join} and {@code $redeem-ticket} through HAPI's authorization: the compartment
 * rules cannot express "a participant of this Appointment", so the telehealth services check the
 * scope, the level and the participant themselves before anything happens.
 */
public final class TelehealthAuthorizationRules implements AuthorizationRuleContributor {

    @Override
    public List<IAuthRule> rules(Access access, RequestDetails request) {
        return new RuleBuilder()
                .allow("telehealth-join")
                .operation()
                .named("$join")
                .onInstancesOfType(Appointment.class)
                .andAllowAllResponses()
                .andThen()
                .allow("telehealth-redeem")
                .operation()
                .named("$redeem-ticket")
                .onType(Appointment.class)
                .andAllowAllResponses()
                .build();
    }
}
