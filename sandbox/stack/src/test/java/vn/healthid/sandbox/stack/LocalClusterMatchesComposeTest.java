package vn.healthid.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * compose/ and {@code bin/healthid cluster} (sandbox/stack/cluster/) describe one topology: the same number of each
 * service, the same Keycloak and bridge options, the same balancer headers. And the production compose imports the
 * production realm template, never the sandbox realm.
 */
class LocalClusterMatchesComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("healthid.root", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final Path COMPOSE = ROOT.resolve("compose");
    private static final Path CLUSTER = ROOT.resolve("sandbox/stack/cluster");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern SERVER = Pattern.compile("^\\s*server [^{\\s]+", Pattern.MULTILINE);

    private static Map<String, Map<String, Object>> services;
    private static Map<String, String> topology;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> compose =
                new Yaml(new LoaderOptions()).load(Files.readString(COMPOSE.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        topology = keyValues(CLUSTER.resolve("topology.env"), "=");
    }

    @Test
    void runsAsManyKeycloakNodesAsTheLocalClusterAndBalancesOverAllOfThem() throws IOException {
        int nodes = Integer.parseInt(topology.get("KEYCLOAK_NODES"));
        assertThat(numbered("keycloak")).hasSize(nodes);
        assertThat(servers(Files.readString(COMPOSE.resolve("nginx/keycloak.conf"))))
                .isEqualTo(nodes);
    }

    @Test
    void runsAsManyBridgesAsTheLocalClusterAndBalancesOverAllOfThem() throws IOException {
        int nodes = Integer.parseInt(topology.get("BRIDGE_NODES"));
        assertThat(numbered("fhir-bridge")).hasSize(nodes);
        assertThat(servers(Files.readString(COMPOSE.resolve("nginx/fhir-bridge.conf"))))
                .isEqualTo(nodes);
    }

    @Test
    void runsRedisWithTheLocalClustersReplicasAndSentinelsAndQuorum() {
        assertThat(numbered("redis-replica")).hasSize(Integer.parseInt(topology.get("REDIS_REPLICAS")));
        List<String> sentinels = numbered("sentinel");
        assertThat(sentinels).hasSize(Integer.parseInt(topology.get("SENTINELS")));
        String monitor = "sentinel monitor " + topology.get("SENTINEL_MASTER") + " redis 6379 "
                + topology.get("SENTINEL_QUORUM");
        for (String sentinel : sentinels) {
            assertThat(String.valueOf(services.get(sentinel).get("command")))
                    .as(sentinel)
                    .contains(monitor);
        }
    }

    @Test
    void setsEveryKeycloakOptionOfTheLocalClusterOnEachNode() throws IOException {
        Map<String, String> options = keyValues(CLUSTER.resolve("keycloak.conf"), "=");
        assertThat(options).containsKeys("db", "cache", "cache-stack");
        for (String node : numbered("keycloak")) {
            Map<?, ?> env = (Map<?, ?>) services.get(node).get("environment");
            options.forEach((option, value) -> assertThat(
                            String.valueOf(env.get("KC_" + option.toUpperCase().replace('-', '_'))))
                    .as("%s of %s", option, node)
                    .isEqualTo(value));
            assertThat(env.get("KC_SPI_EVENTS_LISTENER__HEALTHID_AUDIT__SENTINEL_MASTER"))
                    .isEqualTo(topology.get("SENTINEL_MASTER"));
        }
    }

    @Test
    void setsEveryBridgeOptionOfTheLocalClusterOnEachReplica() throws IOException {
        Map<String, String> options = keyValues(CLUSTER.resolve("bridge.properties"), "=");
        assertThat(options).containsEntry("healthid.store.sentinel.master", topology.get("SENTINEL_MASTER"));
        for (String bridge : numbered("fhir-bridge")) {
            Map<?, ?> env = (Map<?, ?>) services.get(bridge).get("environment");
            // Spring's relaxed binding: healthid.store.audit-replica-acks <- HEALTHID_STORE_AUDITREPLICAACKS or
            // HEALTHID_STORE_AUDIT_REPLICA_ACKS; compose uses the latter
            options.forEach((option, value) -> assertThat(String.valueOf(
                            env.get(option.toUpperCase().replace('.', '_').replace('-', '_'))))
                    .as("%s of %s", option, bridge)
                    .isEqualTo(value));
            assertThat(String.valueOf(env.get("HEALTHID_STORE_SENTINEL_NODES")).split(","))
                    .hasSize(Integer.parseInt(topology.get("SENTINELS")));
        }
    }

    @Test
    void balancesWithTheSameProxyHeadersAsTheLocalCluster() throws IOException {
        List<String> local = serverBlocks(Files.readString(CLUSTER.resolve("nginx.conf")));
        assertThat(local).hasSizeGreaterThanOrEqualTo(2); // keycloak, bridges (then the gateway counter)
        assertThat(proxyLines(Files.readString(COMPOSE.resolve("nginx/keycloak.conf"))))
                .isEqualTo(proxyLines(local.get(0)));
        assertThat(proxyLines(Files.readString(COMPOSE.resolve("nginx/fhir-bridge.conf"))))
                .isEqualTo(proxyLines(local.get(1)));
    }

    @Test
    void importsTheProductionRealmTemplateAndNotTheSandboxRealms() {
        for (String node : numbered("keycloak")) {
            List<?> volumes = (List<?>) services.get(node).get("volumes");
            assertThat(volumes.stream().map(String::valueOf))
                    .as("volumes of %s", node)
                    .contains("./realm:/opt/keycloak/data/import:ro")
                    .noneMatch(v -> v.contains("sandbox/realms"));
        }
    }

    @Test
    void theProductionRealmHasNoUsersAndTakesEverySecretFromTheEnvironment() throws IOException {
        String text = Files.readString(COMPOSE.resolve("realm/health-realm.json"));
        JsonNode realm = new ObjectMapper().readTree(text);
        assertThat(realm.has("users")).isFalse();
        assertThat(text.toLowerCase()).doesNotContain("sandbox", "localhost", "127.0.0.1");
        List<String> literal = new ArrayList<>();
        collectSecrets(realm, literal);
        assertThat(literal).isEmpty();
    }

    @Test
    void passesEveryPlaceholderOfTheProductionRealmToEachKeycloakNode() throws IOException {
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(COMPOSE.resolve("realm/health-realm.json")));
        Set<String> placeholders = new TreeSet<>();
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        assertThat(placeholders).isNotEmpty();
        for (String node : numbered("keycloak")) {
            Map<?, ?> env = (Map<?, ?>) services.get(node).get("environment");
            assertThat(env.keySet().stream().map(String::valueOf)).as(node).containsAll(placeholders);
        }
    }

    @Test
    void theProductionRealmHasTheSandboxRealmsFlowsScopesAndOnlyItsClients() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode production =
                json.readTree(COMPOSE.resolve("realm/health-realm.json").toFile());
        JsonNode sandbox =
                json.readTree(ROOT.resolve("sandbox/realms/health-realm.json").toFile());
        assertThat(production.path("browserFlow")).isEqualTo(sandbox.path("browserFlow"));
        assertThat(names(production.path("authenticationFlows"), "alias"))
                .isEqualTo(names(sandbox.path("authenticationFlows"), "alias"));
        assertThat(names(production.path("clientScopes"), "name"))
                .isEqualTo(names(sandbox.path("clientScopes"), "name"));
        assertThat(names(sandbox.path("clients"), "clientId"))
                .containsAll(names(production.path("clients"), "clientId"));
        assertThat(production.path("clientPolicies")).isEqualTo(sandbox.path("clientPolicies"));
        assertThat(production.path("clientProfiles")).isEqualTo(sandbox.path("clientProfiles"));
    }

    @Test
    void bothRealmsCheckTheSmartAudParameterOfEveryClient() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file :
                List.of(COMPOSE.resolve("realm/health-realm.json"), ROOT.resolve("sandbox/realms/health-realm.json"))) {
            JsonNode realm = json.readTree(file.toFile());
            JsonNode policy = realm.path("clientPolicies").path("policies").get(0);
            assertThat(policy.path("enabled").asBoolean()).as(file.toString()).isTrue();
            assertThat(policy.at("/conditions/0/condition").asText()).isEqualTo("any-client");
            assertThat(policy.at("/profiles/0").asText()).isEqualTo("smart-aud");
            assertThat(realm.at("/clientProfiles/profiles/0/executors/0/executor")
                            .asText())
                    .isEqualTo("healthid-smart-aud");
        }
    }

    @Test
    void noClientOfEitherRealmGetsNamesOrEmailUnasked() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file :
                List.of(COMPOSE.resolve("realm/health-realm.json"), ROOT.resolve("sandbox/realms/health-realm.json"))) {
            JsonNode realm = json.readTree(file.toFile());
            List<String> forNewClients = new ArrayList<>();
            realm.path("defaultDefaultClientScopes").forEach(scope -> forNewClients.add(scope.asText()));
            assertThat(forNewClients).as("new clients of %s", file).doesNotContain("profile", "email");
            for (JsonNode client : realm.path("clients")) {
                List<String> defaults = new ArrayList<>();
                client.path("defaultClientScopes").forEach(scope -> defaults.add(scope.asText()));
                assertThat(defaults)
                        .as("%s in %s", client.path("clientId").asText(), file)
                        .doesNotContain("profile", "email");
            }
        }
    }

    private static void collectSecrets(JsonNode node, List<String> literal) {
        node.fields().forEachRemaining(field -> {
            String name = field.getKey().toLowerCase();
            JsonNode value = field.getValue();
            if (value.isTextual()
                    && (name.equals("secret") || name.endsWith("secret") || name.equals("secretdata"))
                    && !PLACEHOLDER.matcher(value.asText()).matches()) {
                literal.add(field.getKey());
            }
            collectSecrets(value, literal);
        });
        if (node.isArray()) {
            node.forEach(child -> collectSecrets(child, literal));
        }
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    /** Services named {@code prefix-1}, {@code prefix-2}, ... */
    private static List<String> numbered(String prefix) {
        return services.keySet().stream()
                .filter(name -> name.matches(Pattern.quote(prefix) + "-\\d+"))
                .toList();
    }

    private static int servers(String nginx) {
        Matcher matcher = SERVER.matcher(nginx.replaceAll("(?m)^\\s*#.*$", ""));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The {@code server { ... }} blocks (one level of nested braces). */
    private static List<String> serverBlocks(String nginx) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^\\s*server \\{").matcher(nginx);
        while (matcher.find()) {
            int depth = 0;
            for (int i = matcher.end() - 1; i < nginx.length(); i++) {
                char c = nginx.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    blocks.add(nginx.substring(matcher.start(), i + 1));
                    break;
                }
            }
        }
        return blocks;
    }

    /** The proxy_* directives, in order, but for proxy_pass (whose upstream is named per file). */
    private static List<String> proxyLines(String block) {
        return block.lines()
                .map(String::trim)
                .filter(line -> line.startsWith("proxy_") && !line.startsWith("proxy_pass "))
                .toList();
    }

    private static Map<String, String> keyValues(Path file, String separator) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int at = trimmed.indexOf(separator);
                values.put(
                        trimmed.substring(0, at).trim(),
                        trimmed.substring(at + 1).trim());
            }
        }
        return values;
    }
}
