package vn.healthid.bridge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;

/**
 * The bridge's level rules, in one place (docs/security.md): levels from {@code acr}
 * ({@code healthid.security.acr-levels}); a citizen's token reaches personal health data only at
 * {@link #HEALTH_DATA_LEVEL} or higher; a level-3 action also needs the proof ({@code auth_time})
 * to be younger than {@code healthid.security.recent-proof}. Every refusal is the one RFC 9470
 * step-up answer: 401 with {@code WWW-Authenticate: Bearer error="insufficient_user_authentication",
 * acr_values="..."} naming every acr that is enough, plus {@code max_age} when the proof is too old.
 */
public final class Assurance {

    /** Level 1 (a copy of the chip's files, VNeID 1, a password) reaches no personal health data. */
    public static final int HEALTH_DATA_LEVEL = 2;

    /** Actions at this level (consents, telehealth join at level 3) need a recent proof. */
    public static final int RECENT_PROOF_LEVEL = 3;

    private final Map<String, Integer> levels;
    private final Duration recentProof;
    private final Clock clock;

    public Assurance(Map<String, Integer> levels, Duration recentProof, Clock clock) {
        this.levels = Map.copyOf(levels);
        this.recentProof = recentProof;
        this.clock = clock;
    }

    public int levelOf(Optional<String> acr) {
        return acr.map(value -> levels.getOrDefault(value, 0)).orElse(0);
    }

    /** A citizen's token below level 2 is refused on every FHIR interaction (it is all their data). */
    public void requireForHealthData(Caller caller) {
        if (caller.isCitizen()) {
            require(caller, HEALTH_DATA_LEVEL);
        }
    }

    public void require(Caller caller, int level) {
        if (caller.level() < level) {
            throw stepUp(level, "This request needs authentication level " + level + " or higher.", null);
        }
        if (level >= RECENT_PROOF_LEVEL && !recent(caller.authTime())) {
            throw stepUp(
                    level,
                    "This request needs authentication level " + level + " proven in the last "
                            + recentProof.toMinutes() + " minutes.",
                    recentProof.toSeconds());
        }
    }

    private boolean recent(Optional<Instant> authTime) {
        Instant now = clock.instant();
        return authTime.map(at ->
                        !at.isAfter(now.plusSeconds(60)) && at.plus(recentProof).isAfter(now))
                .orElse(false);
    }

    private BridgeFhirException stepUp(int level, String detail, Long maxAge) {
        String acrValues = levels.entrySet().stream()
                .filter(entry -> entry.getValue() >= level)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
        BridgeFhirException stepUp = new BridgeFhirException(BridgeError.STEP_UP_REQUIRED, detail);
        stepUp.addResponseHeader(
                "WWW-Authenticate",
                "Bearer realm=\"fhir-bridge\", error=\"insufficient_user_authentication\","
                        + " error_description=\"STEP_UP_REQUIRED\", acr_values=\"" + acrValues + "\""
                        + (maxAge == null ? "" : ", max_age=\"" + maxAge + "\""));
        return stepUp;
    }
}
