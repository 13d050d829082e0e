package vn.healthid.bridge.security;

import java.util.Map;
import java.util.stream.Collectors;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * Levels of assurance from {@code acr} (healthid.security.acr-levels) and the RFC 9470 step-up
 * answer for features that need a higher level: 401 with {@code WWW-Authenticate: Bearer
 * error="insufficient_user_authentication", acr_values="..."} naming every acr that is enough.
 */
public final class StepUpPolicy {

    private final Map<String, Integer> levels;

    public StepUpPolicy(Map<String, Integer> levels) {
        this.levels = Map.copyOf(levels);
    }

    /** The level of the caller's acr; 0 when absent or unknown. */
    public int levelOf(Caller caller) {
        return caller.acr().map(acr -> levels.getOrDefault(acr, 0)).orElse(0);
    }

    /** Returns when the caller reached {@code minimumLevel}, otherwise throws the step-up answer. */
    public void require(Caller caller, int minimumLevel) {
        if (levelOf(caller) >= minimumLevel) {
            return;
        }
        String acrValues = levels.entrySet().stream()
                .filter(entry -> entry.getValue() >= minimumLevel)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
        BridgeFhirException stepUp = new BridgeFhirException(
                ErrorCode.STEP_UP_REQUIRED, "This request needs authentication level " + minimumLevel + " or higher.");
        stepUp.addResponseHeader(
                "WWW-Authenticate",
                "Bearer realm=\"fhir-bridge\", error=\"insufficient_user_authentication\", error_description=\"STEP_UP_REQUIRED\", acr_values=\""
                        + acrValues + "\"");
        throw stepUp;
    }
}
