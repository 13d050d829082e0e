package vn.healthid.bridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.patient-id.*}: the HMAC key of the patient id scheme (docs/patient-id.md),
 * shared with Keycloak's fhirUser mapper. The default is the sandbox key: never use it in
 * production.
 *
 * @param key base64 of the HMAC-SHA256 key (at least 32 bytes)
 */
@ConfigurationProperties("healthid.patient-id")
public record PatientIdProperties(@DefaultValue(SANDBOX_KEY) String key) {

    public static final String SANDBOX_KEY = "c2FuZGJveC1vbmx5LXBhdGllbnQtaWQta2V5LWRvLW5vdC11c2U=";

    public boolean isSandboxKey() {
        return SANDBOX_KEY.equals(key);
    }

    @Override
    public String toString() {
        return "PatientIdProperties[key=***]";
    }
}
