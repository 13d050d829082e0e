package vn.healthid.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Checks compose/docker-compose.yml against the repository: no Docker engine runs here. */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("healthid.root", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final Path COMPOSE_DIR = ROOT.resolve("compose");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-[^}]*)?}");

    private static String composeText;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        composeText = Files.readString(COMPOSE_DIR.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml(new LoaderOptions()).load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void definesTheProductionServices() {
        assertThat(services)
                .containsKeys(
                        "postgres",
                        "keycloak-1",
                        "keycloak-2",
                        "keycloak",
                        "redis",
                        "redis-replica-1",
                        "sentinel-1",
                        "fhir-bridge-1",
                        "fhir-bridge-2",
                        "fhir-bridge",
                        "gateway-standin");
    }

    @Test
    void pinsEveryImageToAVersion() {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as("image of %s", name).isNotNull().contains(":").doesNotEndWith(":latest");
        });
    }

    @Test
    void runsTheKeycloakVersionTheBuildTestsAgainst() {
        String expected = "quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version");
        assertThat(services.get("keycloak-1").get("image")).isEqualTo(expected);
        assertThat(services.get("keycloak-2").get("image")).isEqualTo(expected);
    }

    @Test
    void runsTwoKeycloakNodesWithTheSameClusterConfiguration() {
        Map<?, ?> first = (Map<?, ?>) services.get("keycloak-1").get("environment");
        Map<?, ?> second = (Map<?, ?>) services.get("keycloak-2").get("environment");
        assertThat(second).isEqualTo(first);
        assertThat(first.get("KC_DB")).isEqualTo("postgres");
        assertThat(first.get("KC_CACHE")).isEqualTo("ispn");
        assertThat((String) first.get("KC_DB_URL")).contains("//postgres:5432/");
    }

    @Test
    void buildsFromDockerfilesThatExistAndCopyWhatTheBuildProduces() throws IOException {
        for (var entry : services.entrySet()) {
            if (!(entry.getValue().get("build") instanceof Map<?, ?> build)) {
                continue;
            }
            Path context = COMPOSE_DIR.resolve((String) build.get("context")).normalize();
            Path dockerfile = context.resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).as("Dockerfile of %s", entry.getKey()).isRegularFile();
            for (String source : copySources(Files.readAllLines(dockerfile))) {
                assertThat(isRepositoryPathOrBuildOutput(context.resolve(source)))
                        .as("COPY %s in %s", source, dockerfile)
                        .isTrue();
            }
        }
    }

    @Test
    void mountsOnlyPathsThatExistOrThatTheBuildProduces() {
        for (var entry : services.entrySet()) {
            for (String volume : strings(entry.getValue().get("volumes"))) {
                String source = volume.split(":")[0];
                if (!source.startsWith(".")) {
                    continue; // a named volume
                }
                assertThat(isRepositoryPathOrBuildOutput(COMPOSE_DIR.resolve(source)))
                        .as("volume %s of %s", source, entry.getKey())
                        .isTrue();
            }
        }
    }

    @Test
    void publishesEachHostPortOnceAndOnThePortTheServiceListensOn() {
        Set<String> hostPorts = new HashSet<>();
        for (var entry : services.entrySet()) {
            for (String mapping : strings(entry.getValue().get("ports"))) {
                String[] parts = mapping.split(":(?![^{]*})");
                String containerPort = parts[parts.length - 1];
                assertThat(hostPorts.add(parts[0])).as("host port %s", parts[0]).isTrue();
                assertThat(listeningPorts(entry.getKey(), entry.getValue()))
                        .as("%s listens on %s", entry.getKey(), containerPort)
                        .contains(containerPort);
            }
        }
    }

    @Test
    void pointsTheLoadBalancerAtBothKeycloakNodes() throws IOException {
        String nginx = Files.readString(COMPOSE_DIR.resolve("nginx/keycloak.conf"));
        assertThat(nginx).contains("server keycloak-1:8080 ", "server keycloak-2:8080 ", "listen 8080;");
        assertThat(strings(services.get("keycloak-1").get("expose"))).contains("8080");
    }

    @Test
    void declaresEveryVariableItUsesInTheExampleEnvironment() throws IOException {
        Set<String> declared = new HashSet<>();
        for (String line : Files.readAllLines(COMPOSE_DIR.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                declared.add(line.substring(0, line.indexOf('=')));
            }
        }
        Matcher matcher = VARIABLE.matcher(composeText.replace("$${", "#{"));
        Set<String> missing = new LinkedHashSet<>();
        while (matcher.find()) {
            if (matcher.group(2) == null && !declared.contains(matcher.group(1))) {
                missing.add(matcher.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void dependsOnlyOnServicesItDefines() {
        for (var entry : services.entrySet()) {
            Object dependsOn = entry.getValue().get("depends_on");
            List<String> names = dependsOn instanceof Map<?, ?> map
                    ? map.keySet().stream().map(String::valueOf).toList()
                    : strings(dependsOn);
            assertThat(services.keySet()).as("depends_on of %s", entry.getKey()).containsAll(names);
        }
    }

    /** A path under the repository that exists, or under a module's target/ folder (made by the build). */
    private static boolean isRepositoryPathOrBuildOutput(Path path) {
        Path normalized = path.normalize();
        if (!normalized.startsWith(ROOT)) {
            return false;
        }
        if (Files.exists(normalized)) {
            return true;
        }
        Path relative = ROOT.relativize(normalized);
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("target")) {
                Path module = ROOT.resolve(relative.subpath(0, i));
                return i > 0 && Files.isRegularFile(module.resolve("pom.xml"));
            }
        }
        return false;
    }

    private static Set<String> listeningPorts(String name, Map<String, Object> service) {
        Set<String> ports = new HashSet<>(strings(service.get("expose")));
        if (service.get("environment") instanceof Map<?, ?> env && env.get("SERVER_PORT") != null) {
            ports.add(String.valueOf(env.get("SERVER_PORT")));
        }
        if (name.equals("keycloak")) {
            ports.add("8080"); // nginx/keycloak.conf: listen 8080, checked above
        }
        return ports;
    }

    private static List<String> copySources(List<String> dockerfileLines) {
        List<String> sources = new ArrayList<>();
        for (String line : dockerfileLines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("COPY ") && !trimmed.contains("--from=")) {
                String[] words = trimmed.split("\\s+");
                for (int i = 1; i < words.length - 1; i++) {
                    if (!words[i].startsWith("--")) {
                        sources.add(words[i]);
                    }
                }
            }
        }
        return sources;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
