package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;
import vn.healthid.identity.keycloak.audit.AuditEventListenerFactory;
import vn.healthid.identity.keycloak.logout.EndedSessionListenerFactory;

/**
 * The options each Redis-backed listener declares to Keycloak are exactly the ones its table in identity-spi's
 * README documents: an option added in code and not in the README, or documented and gone, fails here.
 */
class ListenerOptionsAreDocumentedTest {

    private static final Pattern OPTION = Pattern.compile("`([a-z][a-z-]*)`");

    @Test
    void auditListenerDeclaresTheDocumentedOptions() throws IOException {
        assertThat(declared(new AuditEventListenerFactory().getConfigMetadata()))
                .containsExactlyInAnyOrderElementsOf(documented(AuditEventListenerFactory.ID));
    }

    @Test
    void endedSessionListenerDeclaresTheDocumentedOptions() throws IOException {
        assertThat(declared(new EndedSessionListenerFactory().getConfigMetadata()))
                .containsExactlyInAnyOrderElementsOf(documented(EndedSessionListenerFactory.ID));
    }

    @Test
    void bothListenersShareThePublishRealmAndRedisOptions() {
        Set<String> audit = declared(new AuditEventListenerFactory().getConfigMetadata());
        Set<String> logout = declared(new EndedSessionListenerFactory().getConfigMetadata());
        assertThat(audit).contains("publish", "realm", "redis-url", "timeout-millis", "sentinel-master", "sentinels");
        assertThat(logout).contains("publish", "realm", "redis-url", "timeout-millis", "sentinel-master", "sentinels");
    }

    private static Set<String> declared(java.util.List<ProviderConfigProperty> properties) {
        return properties.stream().map(ProviderConfigProperty::getName).collect(Collectors.toSet());
    }

    /** The first column of the table headed {@code option (`--spi-events-listener--<id>--<name>`)}. */
    private static Set<String> documented(String id) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String header = "| option (`--spi-events-listener--" + id + "--<name>`)";
        int start = readme.indexOf(header);
        assertThat(start).as("README table for %s", id).isNotNegative();
        Set<String> names = new LinkedHashSet<>();
        for (String line : readme.substring(start).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = OPTION.matcher(firstCell);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
