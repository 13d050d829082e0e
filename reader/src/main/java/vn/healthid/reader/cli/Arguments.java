package vn.healthid.reader.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/** {@code --name value} options and positional words; unknown options are refused, not ignored. */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Arguments(List<String> args, Set<String> known) throws ReaderException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (name.equals("client-secret")) {
                throw new ReaderException(
                        ReaderError.USAGE, "the secret is never a flag: use --client-secret-file or the environment");
            }
            if (!known.contains(name)) {
                throw new ReaderException(ReaderError.USAGE, "unknown option --" + name);
            }
            if (i + 1 >= args.size()) {
                throw new ReaderException(ReaderError.USAGE, "--" + name + " needs a value");
            }
            options.put(name, args.get(++i));
        }
    }

    String get(String name) {
        return options.get(name);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String require(String name) throws ReaderException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new ReaderException(ReaderError.USAGE, "--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback) throws ReaderException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ReaderException(ReaderError.USAGE, "--" + name + " must be a number");
        }
    }

    List<String> positional() {
        return positional;
    }
}
