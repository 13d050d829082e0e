package vn.healthid.bridge.fhir;

import java.util.Locale;
import java.util.Set;

/** Which Accept and Content-Type values the FHIR endpoint understands (JSON and XML). */
final class MediaTypes {

    private static final Set<String> FHIR = Set.of(
            "application/fhir+json",
            "application/json+fhir",
            "application/json",
            "application/fhir+xml",
            "application/xml+fhir",
            "application/xml",
            "text/xml");

    private static final Set<String> ANY = Set.of("*/*", "application/*", "text/*");

    private static final Set<String> FORMAT_SHORT = Set.of("json", "xml");

    boolean acceptable(String accept, String format) {
        if (format != null) {
            String value = format.toLowerCase(Locale.ROOT);
            return FORMAT_SHORT.contains(value) || FHIR.contains(value);
        }
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            String type = base(part);
            if (FHIR.contains(type) || ANY.contains(type)) {
                return true;
            }
        }
        return false;
    }

    boolean acceptableBody(String contentType, boolean search) {
        if (contentType == null) {
            return search;
        }
        String type = base(contentType);
        return FHIR.contains(type) || (search && type.equals("application/x-www-form-urlencoded"));
    }

    private static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
