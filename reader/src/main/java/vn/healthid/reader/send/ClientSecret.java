package vn.healthid.reader.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The clinic client's secret: from a file (first line) or the environment variable {@value #ENVIRONMENT}; never
 * from a command-line flag, which other users of the machine can read in the process list.
 */
public final class ClientSecret {

    public static final String ENVIRONMENT = "HEALTHID_CLIENT_SECRET";

    private ClientSecret() {}

    public static String load(Path file, Map<String, String> environment) throws ReaderException {
        String secret;
        if (file != null) {
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new ReaderException(
                        ReaderError.SECRET_MISSING, file.getFileName().toString(), e);
            }
        } else {
            secret = environment.getOrDefault(ENVIRONMENT, "");
        }
        secret = secret.strip();
        if (secret.isEmpty()) {
            throw new ReaderException(ReaderError.SECRET_MISSING);
        }
        return secret;
    }
}
