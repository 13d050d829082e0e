package vn.healthid.identity.keycloak.launch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /realms/{realm}/smart-launch}: {@code client_id} (the app to launch), {@code patient} (a
 * patient id, docs/patient-id.md, with or without {@code Patient/}), optionally {@code encounter} (a FHIR id, with or
 * without {@code Encounter/}) and {@code expires_in} (seconds, at most the configured lifespan).
 */
public record LaunchRequest(String app, String patient, String encounter, Duration lifespan) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final Pattern PATIENT_ID = Pattern.compile("p[a-z2-7]{32}");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    /** The request, or empty when a field is missing, of the wrong type or malformed. */
    public static Optional<LaunchRequest> parse(Map<?, ?> body, Duration longest) {
        if (!(body.get("client_id") instanceof String app)
                || !CLIENT_ID.matcher(app).matches()) {
            return Optional.empty();
        }
        if (!(body.get("patient") instanceof String rawPatient)) {
            return Optional.empty();
        }
        String patient = strip(rawPatient, "Patient/");
        if (!PATIENT_ID.matcher(patient).matches()) {
            return Optional.empty();
        }
        String encounter = null;
        if (body.get("encounter") != null) {
            if (!(body.get("encounter") instanceof String rawEncounter)) {
                return Optional.empty();
            }
            encounter = strip(rawEncounter, "Encounter/");
            if (!FHIR_ID.matcher(encounter).matches()) {
                return Optional.empty();
            }
        }
        Duration lifespan = longest;
        if (body.get("expires_in") != null) {
            if (!(body.get("expires_in") instanceof Integer seconds) || seconds < 1) {
                return Optional.empty();
            }
            lifespan = Duration.ofSeconds(Math.min(seconds, longest.toSeconds()));
        }
        return Optional.of(new LaunchRequest(app, patient, encounter, lifespan));
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
