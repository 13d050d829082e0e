package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patients a feature removed from a search answer (no consent): the caller sees the same answer
 * as for nobody found, and each person's trail still records the refused attempt with its code.
 */
public final class Withheld {

    private static final String KEY = Withheld.class.getName();

    private Withheld() {}

    public static void add(RequestDetails request, String patientId, String code) {
        of(request).put(patientId, code);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> of(RequestDetails request) {
        return (Map<String, String>) request.getUserData().computeIfAbsent(KEY, key -> new LinkedHashMap<>());
    }
}
