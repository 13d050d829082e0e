package vn.healthid.identity.keycloak.claims;

import java.util.Arrays;
import java.util.List;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.representations.IDToken;

/** The mapper setting that limits the national id to tokens for configured audiences (default fhir-bridge). */
final class Audiences {

    static final String CONFIG = "national-id-audiences";
    static final String DEFAULT = "fhir-bridge";

    private Audiences() {}

    static boolean allowNationalId(IDToken token, ProtocolMapperModel model) {
        String configured = model.getConfig().getOrDefault(CONFIG, DEFAULT);
        List<String> allowed = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String[] audience = token.getAudience();
        return audience != null && Arrays.stream(audience).anyMatch(allowed::contains);
    }
}
