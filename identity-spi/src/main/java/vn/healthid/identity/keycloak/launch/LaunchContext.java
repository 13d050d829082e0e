package vn.healthid.identity.keycloak.launch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a clinic bound to one EHR launch: the clinic (the confidential client that registered it), the app that may
 * redeem it, the patient and optionally the encounter, and when it stops being valid.
 *
 * @param encounter the FHIR Encounter id, or null
 */
public record LaunchContext(String clinic, String app, String patient, String encounter, Instant expiresAt) {

    private static final String CLINIC = "clinic";
    private static final String APP = "app";
    private static final String PATIENT = "patient";
    private static final String ENCOUNTER = "encounter";
    private static final String EXPIRES_AT = "expires_at";

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(CLINIC, clinic);
        notes.put(APP, app);
        notes.put(PATIENT, patient);
        if (encounter != null) {
            notes.put(ENCOUNTER, encounter);
        }
        notes.put(EXPIRES_AT, Long.toString(expiresAt.getEpochSecond()));
        return notes;
    }

    static Optional<LaunchContext> fromNotes(Map<String, String> notes) {
        if (notes == null
                || notes.get(CLINIC) == null
                || notes.get(APP) == null
                || notes.get(PATIENT) == null
                || notes.get(EXPIRES_AT) == null) {
            return Optional.empty();
        }
        return Optional.of(new LaunchContext(
                notes.get(CLINIC),
                notes.get(APP),
                notes.get(PATIENT),
                notes.get(ENCOUNTER),
                Instant.ofEpochSecond(Long.parseLong(notes.get(EXPIRES_AT)))));
    }
}
