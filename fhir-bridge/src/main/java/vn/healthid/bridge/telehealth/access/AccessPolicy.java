package vn.healthid.bridge.telehealth.access;

import java.util.Map;
import java.util.stream.Collectors;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.telehealth.TelehealthProperties.MinLoa;

/**
 * The checks every telehealth operation starts with, in this order: the SMART scope for the
 * caller's context (403), then the minimum level of assurance (401 step-up, RFC 9470). Which
 * session the caller may touch is decided later, per session.
 */
public final class AccessPolicy {

    private final MinLoa minLoa;
    private final Map<String, Integer> acrLevels;

    public AccessPolicy(MinLoa minLoa, Map<String, Integer> acrLevels) {
        this.minLoa = minLoa;
        this.acrLevels = Map.copyOf(acrLevels);
    }

    public void require(Caller caller, Operation operation) {
        // tickets are redeemed by the video service only; sessions are used by people only
        boolean system = caller.kind() == Caller.Kind.SYSTEM;
        if (system != (operation == Operation.REDEEM)) {
            throw insufficientScope("this operation is not for this kind of client");
        }
        if (!SmartScopes.grants(caller.scopes(), caller.kind().scopeContexts(), operation.permission())) {
            throw insufficientScope("no scope grants Appointment." + operation.permission() + " to this caller");
        }
        if (!system && caller.loa() < minLoa.of(operation)) {
            throw stepUp(minLoa.of(operation));
        }
    }

    private static BridgeFhirException insufficientScope(String detail) {
        BridgeFhirException denied = new BridgeFhirException(ErrorCode.SCOPE_INSUFFICIENT, detail);
        denied.addResponseHeader("WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
        return denied;
    }

    /** 401 with {@code WWW-Authenticate: Bearer error="insufficient_user_authentication"}. */
    BridgeFhirException stepUp(int level) {
        String acrValues = acrLevels.entrySet().stream()
                .filter(e -> e.getValue() >= level)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
        BridgeFhirException exception = new BridgeFhirException(
                ErrorCode.STEP_UP_REQUIRED, "This operation needs authentication level " + level + " or higher.");
        // the same header as the core's StepUpPolicy, so that clients see one format
        exception.addResponseHeader(
                "WWW-Authenticate",
                "Bearer realm=\"fhir-bridge\", error=\"insufficient_user_authentication\","
                        + " error_description=\"STEP_UP_REQUIRED\", acr_values=\"" + acrValues + "\"");
        return exception;
    }
}
