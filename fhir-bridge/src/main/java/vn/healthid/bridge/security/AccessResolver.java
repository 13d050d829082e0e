package vn.healthid.bridge.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import vn.healthid.bridge.smart.Interaction;

/**
 * Decides from the {@link Caller} whether this interaction on this type is allowed at all, and
 * whether it is confined to the caller's compartment: every citizen token is, whatever its scopes
 * ({@code system/} on a citizen's token grants nothing, never "any"). A citizen token below level 2 reaches
 * nothing ({@link Assurance}). Insufficient scope: 403 with {@code WWW-Authenticate: Bearer
 * error="insufficient_scope"}. The result is kept on the request.
 */
public final class AccessResolver {

    public Access resolve(RequestDetails request) {
        if (request.getUserData().get(Access.KEY) instanceof Access cached) {
            return cached;
        }
        Caller caller = CallerAuthentication.require();
        caller.requireHealthDataLevel();
        if (isExtendedOperation(request.getRestOperationType())) {
            // SMART scopes name no operations: a feature that serves one allows it with its own rule
            // (AuthorizationRuleContributor) and checks scope and caller itself; every other is denied.
            return keep(request, new Access(caller, caller.confined(), caller.patientId()));
        }
        String type = request.getResourceName();
        Interaction interaction = interactionOf(request.getRestOperationType())
                .orElseThrow(() -> Caller.insufficientScope("the operation is not granted by any scope"));
        caller.require(interaction, type);
        return keep(request, new Access(caller, caller.confined(), caller.patientId()));
    }

    private static Access keep(RequestDetails request, Access access) {
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
}
