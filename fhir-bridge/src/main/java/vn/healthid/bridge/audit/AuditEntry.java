package vn.healthid.bridge.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audit stream entry, version 1 of the format shared with Keycloak's event listener
 * (docs/audit-and-consent.md). Flat string fields so that {@code XRANGE} output is readable; empty
 * fields are left out. Never holds identity numbers, tokens or chip data: the person is named by
 * their patient id only.
 *
 * @param source {@code fhir-bridge} or {@code keycloak}
 * @param type {@code rest} (a FHIR interaction) or {@code login} (a Keycloak event)
 * @param subtype a restful-interaction code ({@code read}, {@code search-type}, ...) or a Keycloak event type
 * @param action DICOM action code C, R, U, D or E
 * @param outcome DICOM outcome code 0, 4, 8 or 12
 * @param client the OAuth client ({@code azp})
 * @param user {@code fhirUser} or {@code sub}; null when unknown
 * @param patient the patient id the entry is about; null when none
 * @param entity the resource touched ({@code Consent/abc}); null when none
 * @param purpose v3 PurposeOfUse code; null when none
 * @param code stable reason code of a failure; null on success
 * @param staff the clinic staff member behind the request ({@link StaffMember#user()}); null when none was verified
 * @param staffName that staff member's full name; null when none
 */
public record AuditEntry(
        Instant recorded,
        String source,
        String type,
        String subtype,
        String action,
        String outcome,
        String client,
        String user,
        String patient,
        String entity,
        String purpose,
        String code,
        String staff,
        String staffName) {

    public static final String VERSION = "1";
    public static final String SOURCE_BRIDGE = "fhir-bridge";

    /** An entry naming no staff member (every Keycloak entry, and requests without a verified clerk). */
    public AuditEntry(
            Instant recorded,
            String source,
            String type,
            String subtype,
            String action,
            String outcome,
            String client,
            String user,
            String patient,
            String entity,
            String purpose,
            String code) {
        this(
                recorded, source, type, subtype, action, outcome, client, user, patient, entity, purpose, code, null,
                null);
    }

    public AuditEntry {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("recorded", recorded.toString());
        fields.put("source", source);
        fields.put("type", type);
        fields.put("subtype", subtype);
        fields.put("action", action);
        fields.put("outcome", outcome);
        putIfPresent(fields, "client", client);
        putIfPresent(fields, "user", user);
        putIfPresent(fields, "patient", patient);
        putIfPresent(fields, "entity", entity);
        putIfPresent(fields, "purpose", purpose);
        putIfPresent(fields, "code", code);
        putIfPresent(fields, "staff", staff);
        putIfPresent(fields, "staff_name", staffName);
        return fields;
    }

    /** Reads an entry; unknown fields (added by later versions) are ignored. */
    public static AuditEntry fromFields(Map<String, String> fields) {
        return new AuditEntry(
                Instant.parse(fields.get("recorded")),
                fields.getOrDefault("source", "unknown"),
                fields.getOrDefault("type", "rest"),
                fields.getOrDefault("subtype", "unknown"),
                fields.getOrDefault("action", "E"),
                fields.getOrDefault("outcome", "0"),
                fields.get("client"),
                fields.get("user"),
                fields.get("patient"),
                fields.get("entity"),
                fields.get("purpose"),
                fields.get("code"),
                fields.get("staff"),
                fields.get("staff_name"));
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }
}
