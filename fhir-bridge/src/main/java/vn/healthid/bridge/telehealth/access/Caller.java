package vn.healthid.bridge.telehealth.access;

import java.util.Set;

/**
 * Who is calling, from the access token: a patient ({@code fhirUser Patient/<id>}), a practitioner
 * ({@code fhirUser Practitioner/<id>}) or a system (no fhirUser, client credentials).
 *
 * @param loa the level of assurance of the token's acr; 0 when unknown or absent
 */
public record Caller(Kind kind, String id, Set<String> scopes, int loa, String clientId) {

    public enum Kind {
        /** {@code user/} scopes of a citizen mean their own records too (as in the core's rules) */
        PATIENT("patient", "user"),
        PRACTITIONER("user"),
        SYSTEM("system");

        private final Set<String> scopeContexts;

        Kind(String... scopeContexts) {
            this.scopeContexts = Set.of(scopeContexts);
        }

        /** The SMART scope prefixes this kind of caller is granted through. */
        public Set<String> scopeContexts() {
            return scopeContexts;
        }
    }

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean isPatient(String patientId) {
        return kind == Kind.PATIENT && id.equals(patientId);
    }

    public boolean isPractitioner(String practitionerId) {
        return kind == Kind.PRACTITIONER && id.equals(practitionerId);
    }

    public String reference() {
        return switch (kind) {
            case PATIENT -> "Patient/" + id;
            case PRACTITIONER -> "Practitioner/" + id;
            case SYSTEM -> "Device/" + clientId;
        };
    }
}
