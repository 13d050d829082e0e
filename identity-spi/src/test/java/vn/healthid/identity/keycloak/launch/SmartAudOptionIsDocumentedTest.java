package vn.healthid.identity.keycloak.launch;

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

/** The options the aud executor declares to Keycloak are exactly the ones its table in identity-spi's README lists. */
class SmartAudOptionIsDocumentedTest {

    private static final Pattern OPTION = Pattern.compile("`([a-z][a-z-]*)`");

    @Test
    void theAudExecutorDeclaresTheDocumentedOptions() throws IOException {
        Set<String> declared = new SmartAudienceExecutorFactory()
                .getConfigMetadata().stream()
                        .map(ProviderConfigProperty::getName)
                        .collect(Collectors.toSet());

        assertThat(declared).containsExactlyInAnyOrderElementsOf(documented());
    }

    private static Set<String> documented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String header = "| option (`--spi-client-policy-executor--" + SmartAudienceExecutorFactory.ID + "--<name>`)";
        int start = readme.indexOf(header);
        assertThat(start).as("README table of the aud executor").isNotNegative();
        Set<String> names = new LinkedHashSet<>();
        for (String line : readme.substring(start).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = OPTION.matcher(line.substring(1, line.indexOf('|', 1)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
