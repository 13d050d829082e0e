package vn.healthid.identity.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/**
 * The keys the listener writes are docs/sessions.md's vectors, which fhir-bridge's own
 * {@code EndedSessionKeyVectorsTest} checks against the keys the bridge reads.
 */
class EndedSessionKeyVectorsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\| `([^`]+)` \\|$");

    @Test
    void listenerKeysAreTheDocumentedVectors() throws IOException {
        List<String[]> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/sessions.md"))) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                vectors.add(new String[] {row.group(1), row.group(2), row.group(3)});
            }
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(3);
        RedisSettings redis = RedisSettings.direct(URI.create("redis://127.0.0.1:6379"), Duration.ofMillis(500));
        for (String[] v : vectors) {
            EndedSessionConfig config = new EndedSessionConfig(true, v[0], "health", 30, redis);
            assertThat(EndedSession.of(logout(v[1])))
                    .hasValueSatisfying(
                            ended -> assertThat(config.key(ended.sid())).isEqualTo(v[2]));
        }
    }

    private static org.keycloak.events.Event logout(String sid) {
        org.keycloak.events.Event event = new org.keycloak.events.Event();
        event.setType(org.keycloak.events.EventType.LOGOUT);
        event.setSessionId(sid);
        return event;
    }
}
