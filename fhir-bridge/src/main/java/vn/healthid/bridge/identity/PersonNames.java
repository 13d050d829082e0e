package vn.healthid.bridge.identity;

import java.util.Optional;

/** A person's full name from the OIDC name claims, as Vietnamese records write it. */
public final class PersonNames {

    private PersonNames() {}

    /**
     * Vietnamese order, family name first. OIDC's {@code name} is "given family" when a server builds it from the
     * parts (Keycloak does), so the parts win when both are present. Null when nothing names the person.
     */
    public static String fullName(Optional<String> family, Optional<String> given, Optional<String> name) {
        if (family.filter(f -> !f.isBlank()).isPresent()
                && given.filter(g -> !g.isBlank()).isPresent()) {
            return family.get().strip() + " " + given.get().strip();
        }
        return name.filter(n -> !n.isBlank()).map(String::strip).orElse(null);
    }
}
