package vn.healthid.sandbox.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.stack.DemoFailure;

/** Where the local cluster runs: the {@code cluster.env} file {@code bin/healthid cluster up} writes. */
record ClusterEnv(
        Path home,
        String keycloak,
        String bridge,
        String gateway,
        Path gatewayLog,
        List<String> keycloakNodes,
        List<String> keycloakManagement,
        List<String> bridgeNodes,
        List<String> redisNodes,
        List<String> sentinels,
        String sentinelMaster,
        String postgres,
        Path cards) {

    static ClusterEnv read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return new ClusterEnv(
                Path.of(values.get("home")),
                values.get("keycloak"),
                values.get("bridge"),
                values.get("gateway"),
                Path.of(values.get("gateway.log")),
                words(values.get("keycloak.nodes")),
                words(values.get("keycloak.management")),
                words(values.get("bridge.nodes")),
                words(values.get("redis.nodes")),
                Arrays.asList(values.get("sentinels").split(",")),
                values.get("sentinel.master"),
                values.get("postgres"),
                Path.of(values.get("cards")));
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Keycloak builds its URLs with the balancer's address; a check that talks to one node rewrites them. */
    String onNode(String url, String node) {
        return url.startsWith(keycloak) ? node + url.substring(keycloak.length()) : url;
    }

    String node(int index) {
        return keycloakNodes.get(index);
    }

    String bridgeNode(int index) {
        return bridgeNodes.get(index);
    }

    Path log(String name) {
        return home.resolve("logs").resolve(name + ".log");
    }

    Card card(int number) {
        Path file = cards.resolve("%02d.card.json".formatted(number));
        try {
            return Card.fromJson(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new DemoFailure("cannot read sandbox card " + file);
        }
    }
}
