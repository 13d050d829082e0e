package vn.healthid.bridge.smart;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART clinical scope: {@code (patient|user|system)/(Type|*).(cruds|read|write|*)}. v1
 * {@code read} is {@code rs}, v1 {@code write} is {@code cud}, v1 {@code *} is {@code cruds}.
 * Scopes with query parameters ({@code patient/Observation.rs?category=...}) are not supported
 * and grant nothing; so do malformed ones (letters out of order, repeated, unknown).
 */
public record SmartScope(ScopeContext context, String resourceType, Set<Interaction> interactions) {

    public static final String ANY_TYPE = "*";

    private static final Pattern SCOPE =
            Pattern.compile("^(patient|user|system)/([A-Z][A-Za-z]{1,63}|\\*)\\.(read|write|\\*|c?r?u?d?s?)$");

    public SmartScope {
        interactions = Set.copyOf(interactions);
    }

    public static Optional<SmartScope> parse(String scope) {
        Matcher m = SCOPE.matcher(scope);
        if (!m.matches() || m.group(3).isEmpty()) {
            return Optional.empty();
        }
        ScopeContext context = ScopeContext.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new SmartScope(context, m.group(2), permissions(m.group(3))));
    }

    public boolean grants(String type, Interaction interaction) {
        return (resourceType.equals(ANY_TYPE) || resourceType.equals(type)) && interactions.contains(interaction);
    }

    private static Set<Interaction> permissions(String text) {
        return switch (text) {
            case "read" -> EnumSet.of(Interaction.READ, Interaction.SEARCH);
            case "write" -> EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
            case "*" -> EnumSet.allOf(Interaction.class);
            default -> {
                EnumSet<Interaction> set = EnumSet.noneOf(Interaction.class);
                for (Interaction interaction : Interaction.values()) {
                    if (text.indexOf(interaction.letter()) >= 0) {
                        set.add(interaction);
                    }
                }
                yield set;
            }
        };
    }
}
