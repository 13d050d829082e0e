package vn.healthid.bridge.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.smart.Interaction;
import vn.healthid.bridge.smart.ScopeContext;
import vn.healthid.bridge.smart.SmartScope;

/**
 * SMART scopes as HAPI authorization rules. {@link AccessResolver} first checks the interaction
 * letter ({@code r} and {@code s} differ in SMART v2, not in HAPI's rules); then confined
 * requests get one compartment rule per granted type and operation (HAPI blocks a read of
 * another Patient before the provider runs and checks every resource returned), unconfined ones
 * may act on any record. Only citizen tokens are confined, whatever their scopes. Anything else
 * is denied.
 */
public final class SmartAuthorizationInterceptor extends AuthorizationInterceptor {

    private enum Operation {
        READ,
        WRITE,
        DELETE
    }

    private record Grant(String type, Operation operation) {}

    private final AccessResolver resolver;
    private final List<AuthorizationRuleContributor> contributors;

    public SmartAuthorizationInterceptor(AccessResolver resolver, List<AuthorizationRuleContributor> contributors) {
        super(PolicyEnum.DENY);
        this.resolver = resolver;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return new RuleBuilder().allow().metadata().build();
        }
        Access access = resolver.resolve(request);
        List<IAuthRule> rules = new ArrayList<>();
        contributors.forEach(contributor -> rules.addAll(contributor.rules(access, request)));
        if (AccessResolver.isExtendedOperation(request.getRestOperationType())) {
            rules.addAll(new RuleBuilder().denyAll("operation").build());
            return rules;
        }
        if (!access.confined()) {
            rules.addAll(new RuleBuilder().allowAll("scope").build());
            return rules;
        }
        IdType patient = new IdType("Patient", access.requirePatientId());
        RuleBuilder builder = new RuleBuilder();
        for (Grant grant : grants(access)) {
            IAuthRuleBuilderRuleOp op = switch (grant.operation()) {
                case READ -> builder.allow("scope").read();
                case WRITE -> builder.allow("scope").write();
                case DELETE -> builder.allow("scope").delete();
            };
            (grant.type().equals(SmartScope.ANY_TYPE) ? op.allResources() : op.resourcesOfType(grant.type()))
                    .inCompartment("Patient", patient)
                    .andThen();
        }
        rules.addAll(builder.denyAll("compartment").build());
        return rules;
    }

    @Override
    protected void handleDeny(RequestDetails request, Verdict verdict) {
        BridgeFhirException denied = new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
        denied.addResponseHeader("WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
        throw denied;
    }

    private static Set<Grant> grants(Access access) {
        Set<Grant> grants = new LinkedHashSet<>();
        for (SmartScope scope : access.caller().scopes().scopes()) {
            if (scope.context() == ScopeContext.SYSTEM) {
                continue; // never on a confined (citizen) token
            }
            for (Interaction interaction : scope.interactions()) {
                Operation operation = switch (interaction) {
                    case READ, SEARCH -> Operation.READ;
                    case CREATE, UPDATE -> Operation.WRITE;
                    case DELETE -> Operation.DELETE;
                };
                grants.add(new Grant(scope.resourceType(), operation));
            }
        }
        return grants;
    }
}
