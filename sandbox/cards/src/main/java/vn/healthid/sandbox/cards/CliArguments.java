package vn.healthid.sandbox.cards;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of one subcommand, checked against what it accepts. */
final class CliArguments {

    private final Map<String, String> values = new HashMap<>();

    CliArguments(String[] args, int from, Set<String> valued, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                if (values.put(name, args[++i]) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    long longValue(String name) {
        try {
            return Long.parseLong(required(name));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number");
        }
    }

    int intValue(String name, int min, int max) {
        long value = longValue(name);
        if (value < min || value > max) {
            throw new UsageException(name + " must be between " + min + " and " + max);
        }
        return (int) value;
    }
}
