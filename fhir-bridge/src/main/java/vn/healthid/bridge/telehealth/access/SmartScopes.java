package vn.healthid.bridge.telehealth.access;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a set of SMART scopes grants one permission on Appointment: v2 ({@code
 * patient/Appointment.cruds}, letters in order, any subset) and v1 ({@code .read}, {@code .write},
 * {@code .*}); {@code *} as the resource type counts. Scopes with a query ({@code ?...}) never
 * grant here: the bridge does not evaluate them.
 */
final class SmartScopes {

    private static final Pattern SCOPE = Pattern.compile("^(patient|user|system)/(Appointment|\\*)\\.([a-z*]+)$");
    private static final Pattern V2 = Pattern.compile("^c?r?u?d?s?$");

    private SmartScopes() {}

    static boolean grants(Set<String> scopes, Set<String> contexts, char permission) {
        for (String scope : scopes) {
            Matcher m = SCOPE.matcher(scope);
            if (m.matches() && contexts.contains(m.group(1)) && allows(m.group(3), permission)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(String permissions, char permission) {
        return switch (permissions) {
            case "*" -> true;
            case "read" -> permission == 'r' || permission == 's';
            case "write" -> permission == 'c' || permission == 'u' || permission == 'd';
            default ->
                !permissions.isEmpty() && V2.matcher(permissions).matches() && permissions.indexOf(permission) >= 0;
        };
    }
}
