package vn.healthid.bridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every {@code healthid.*} property of the bridge's typed configuration ({@code
 * ConfigurationProperties} records, nested records included) is a row of the README's
 * configuration table, and every row names a property that exists.
 */
class EveryPropertyIsDocumentedTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `(healthid\\.[a-z0-9.\\-]+)(\\.\\[[^`]*\\])?`", Pattern.MULTILINE);

    @Test
    void everyPropertyIsARowOfTheReadmeTable() throws Exception {
        assertThat(properties()).hasSizeGreaterThan(40);
        Set<String> documented = documented();
        assertThat(properties().stream().filter(p -> !documented.contains(p)).toList())
                .as("properties missing from the table in fhir-bridge/README.md")
                .isEmpty();
    }

    @Test
    void everyRowOfTheReadmeTableIsAProperty() throws Exception {
        Set<String> properties = properties();
        assertThat(documented().stream().filter(p -> !properties.contains(p)).toList())
                .as("rows of fhir-bridge/README.md naming no property")
                .isEmpty();
    }

    private static Set<String> documented() throws IOException {
        Set<String> rows = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    /** Every property name, maps as their prefix ({@code healthid.gateway.facilities}). */
    static Set<String> properties() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> names = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("vn.healthid.bridge")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            names.addAll(of(prefix, type));
        }
        return names;
    }

    private static List<String> of(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord() && value.getName().startsWith("vn.healthid.bridge")) {
                names.addAll(of(name, value));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
