package vn.healthid.identity.keycloak.claims;

import java.util.Arrays;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.representations.IDToken;

/**
 * Who may see the national id (docs/chip-login.md, claims): only tokens of a confidential client (a clinic: the chip
 * back channel, clinic staff) and only for the configured audiences (default fhir-bridge). A public client (patient
 * portal, SMART app) never gets it, whatever its mappers say: the bridge finds the citizen from {@code fhirUser}.
 */
final class Audiences {

    static final String CONFIG = "national-id-audiences";
    static final String DEFAULT = "fhir-bridge";

    private Audiences() {}

    static boolean allowNationalId(IDToken token, ProtocolMapperModel model, ClientModel client) {
        if (client.isPublicClient()) {
            return false;
        }
        String configured = model.getConfig().getOrDefault(CONFIG, DEFAULT);
        List<String> allowed = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String[] audience = token.getAudience();
        return audience != null && Arrays.stream(audience).anyMatch(allowed::contains);
    }
}
