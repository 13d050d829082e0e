package vn.healthid.identity.keycloak.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.Event;

/**
 * A Keycloak event as an entry of the audit stream, format version 1 shared with the bridge
 * (docs/audit-and-consent.md). Only allow-listed, non-identifying details are copied: never the
 * username, chip data, a card number (even masked) or the IP address.
 */
public final class AuditEntryMapper {

    /** Details that say how or why, never who. */
    private static final Set<String> SAFE_DETAILS = Set.of("auth_method", "grant_type", "identity_provider");

    private AuditEntryMapper() {}

    /** @param patientId the user's patient id when known, else null */
    public static Map<String, String> toEntry(Event event, String patientId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", "1");
        fields.put("recorded", Instant.ofEpochMilli(event.getTime()).toString());
        fields.put("source", "keycloak");
        fields.put("type", "login");
        fields.put("subtype", event.getType().name());
        fields.put("action", "E");
        fields.put(
                "outcome", event.getError() == null && !event.getType().name().endsWith("_ERROR") ? "0" : "4");
        put(fields, "client", event.getClientId());
        if (patientId != null) {
            fields.put("user", "Patient/" + patientId);
            fields.put("patient", patientId);
        } else {
            put(fields, "user", event.getUserId());
        }
        put(fields, "code", event.getError());
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        put(fields, "reason", safeCode(details.get("reason")));
        for (String name : SAFE_DETAILS) {
            put(fields, name, safeCode(details.get(name)));
        }
        return fields;
    }

    /** Reason codes and method names only: anything else (free text, numbers) is dropped. */
    private static String safeCode(String value) {
        return value != null && value.matches("[A-Za-z_:.\\-]{1,80}") ? value : null;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }
}
