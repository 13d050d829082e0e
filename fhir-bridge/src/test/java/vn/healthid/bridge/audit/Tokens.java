package vn.healthid.bridge.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.config.PatientIdProperties;
import vn.healthid.bridge.identity.PatientIds;

/**
 * Verified-token stand-ins with the contract's claims (signature checks are the security feature's
 * and are tested there): citizens, a clinic back channel with the chip-present acr, system clients.
 */
public final class Tokens {

    public static final PatientIds PATIENT_IDS = new PatientIds(PatientIdProperties.SANDBOX_KEY);
    public static final String NATIONAL_ID_A = "079085001234";
    public static final String NATIONAL_ID_B = "001190004321";
    public static final String PATIENT_A = PATIENT_IDS.forNationalId(NATIONAL_ID_A);
    public static final String PATIENT_B = PATIENT_IDS.forNationalId(NATIONAL_ID_B);
    public static final String CHIP_AA = "urn:vn:healthid:acr:chip-aa";

    private Tokens() {}

    public static Jwt citizen(String nationalId, String client, String scope) {
        return builder(client, scope)
                .subject("user-" + nationalId.substring(8))
                .claim("fhirUser", "Patient/" + PATIENT_IDS.forNationalId(nationalId))
                .claim("national_id", nationalId)
                .claim("name", "Nguyễn Văn An")
                .claim("birthdate", "1985-03-14")
                .claim("gender", "male")
                // a citizen managing consents proved level 3 just now (docs/audit-and-consent.md)
                .claim("acr", CHIP_AA)
                .claim("auth_time", now())
                .build();
    }

    /** The citizen's chip-present token obtained by a clinic on its back channel. */
    public static Jwt chipAtClinic(String nationalId, String clinic, String scope) {
        return builder(clinic, scope)
                .subject("user-" + nationalId.substring(8))
                .claim("fhirUser", "Patient/" + PATIENT_IDS.forNationalId(nationalId))
                .claim("national_id", nationalId)
                .claim("name", "Nguyễn Văn An")
                .claim("birthdate", "1985-03-14")
                .claim("acr", CHIP_AA)
                .claim("act", Map.of("client_id", clinic))
                .build();
    }

    public static Jwt system(String client, String scope) {
        return builder(client, scope).subject("service-account-" + client).build();
    }

    private static Instant now() {
        return Instant.now();
    }

    private static Jwt.Builder builder(String client, String scope) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("test-" + client)
                .header("alg", "RS256")
                .issuer("http://localhost:8080/realms/health")
                .audience(java.util.List.of("fhir-bridge"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("typ", "Bearer")
                .claim("azp", client)
                .claim("scope", scope);
    }
}
