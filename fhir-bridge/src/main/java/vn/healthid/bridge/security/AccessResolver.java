package vn.healthid.bridge.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.smart.GrantedScopes;
import vn.healthid.bridge.smart.Interaction;
import vn.healthid.bridge.smart.ScopeContext;

/**
 * Decides from the scopes whether this interaction on this type is allowed at all, and whether it
 * is confined to the caller's compartment. Insufficient scope: 403 with {@code WWW-Authenticate:
 * Bearer error="insufficient_scope"}. The result is kept on the request.
 */
public final class AccessResolver {

    public Access resolve(RequestDetails request) {
        if (request.getUserData().get(Access.KEY) instanceof Access cached) {
            return cached;
        }
        Caller caller = currentCaller();
        if (isExtendedOperation(request.getRestOperationType())) {
            // SMART scopes name no operations: a feature that serves one allows it with its own rule
            // (AuthorizationRuleContributor) and checks scope and caller itself; every other is denied.
            Access access = new Access(caller, caller.isCitizen(), caller.patientId());
            request.getUserData().put(Access.KEY, access);
            return access;
        }
        String type = request.getResourceName();
        Interaction interaction = interactionOf(request.getRestOperationType())
                .orElseThrow(() -> insufficient("the operation is not granted by any scope"));
        GrantedScopes scopes = caller.scopes();
        boolean any = scopes.grants(ScopeContext.SYSTEM, type, interaction)
                || (!caller.isCitizen() && scopes.grants(ScopeContext.USER, type, interaction));
        boolean own = caller.isCitizen()
                && (scopes.grants(ScopeContext.PATIENT, type, interaction)
                        || scopes.grants(ScopeContext.USER, type, interaction));
        if (!any && !own) {
            throw insufficient("no scope grants " + interaction.name().toLowerCase() + " on " + type);
        }
        Access access = new Access(caller, !any, caller.patientId());
        request.getUserData().put(Access.KEY, access);
        return access;
    }

    static boolean isExtendedOperation(RestOperationTypeEnum operation) {
        return operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE
                || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
                || operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER;
    }

    static Optional<Interaction> interactionOf(RestOperationTypeEnum operation) {
        if (operation == null) {
            return Optional.empty();
        }
        return switch (operation) {
            case READ, VREAD -> Optional.of(Interaction.READ);
            case SEARCH_TYPE -> Optional.of(Interaction.SEARCH);
            case CREATE -> Optional.of(Interaction.CREATE);
            case UPDATE, PATCH -> Optional.of(Interaction.UPDATE);
            case DELETE -> Optional.of(Interaction.DELETE);
            default -> Optional.empty();
        };
    }

    private static Caller currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication) {
            return callerAuthentication.caller();
        }
        throw new BridgeFhirException(ErrorCode.TOKEN_MISSING);
    }

    static BridgeFhirException insufficient(String detail) {
        BridgeFhirException denied = new BridgeFhirException(ErrorCode.SCOPE_INSUFFICIENT, detail);
        denied.addResponseHeader("WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
        return denied;
    }
}
