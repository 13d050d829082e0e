package vn.healthid.bridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.BridgeApplication;

/**
 * No package of the bridge, sub-packages included, depends on another that depends back on it
 * (issue: security, fhir, smart and patient were tangled, and features' sub-packages with their
 * wiring). A sub-package counts as a package of its own. Reads the compiled classes' constant
 * pools (every class named in a reference, descriptor or signature) without a bytecode library,
 * and fails with the cycles.
 */
class NoPackageCyclesTest {

    private static final Path CLASSES = compiledClasses().resolve(Path.of("vn", "healthid", "bridge"));
    private static final Pattern REFERENCE = Pattern.compile("vn/healthid/bridge/((?:[a-z0-9_]+/)*)[A-Z][\\w$]*");

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses)
                .as("compiled packages")
                .containsKeys(
                        "security", "fhir", "patient", "smart", "store/redis", "telehealth/fhir", "coverage/cache");
        assertThat(edgesWithin(cycles(uses), uses)).as("package cycles").isEmpty();
    }

    /** Where the application's classes were compiled (target/classes, or -Dbridge.build.dir's). */
    private static Path compiledClasses() {
        try {
            return Path.of(BridgeApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classFiles) {
            String from =
                    packageOf(CLASSES.relativize(file.getParent()).toString().replace('\\', '/') + "/");
            if (from.isEmpty()) {
                continue; // the application class wires everything
            }
            Set<String> targets = uses.computeIfAbsent(from, p -> new TreeSet<>());
            for (String text : utf8Constants(file)) {
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String to = packageOf(m.group(1));
                    if (!to.isEmpty() && !to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        }
        return uses;
    }

    /** The package under vn.healthid.bridge, sub-packages apart ({@code store/redis}); empty for the root. */
    private static String packageOf(String slashed) {
        return slashed.endsWith("/") ? slashed.substring(0, slashed.length() - 1) : slashed;
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS 4.4). */
    static List<String> utf8Constants(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(file + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IOException(file + ": unknown constant tag " + tag);
                }
            }
        }
        return texts;
    }

    /** The dependencies inside each cycle, "a -> b", so that a failure says which one to cut. */
    private static List<String> edgesWithin(List<Set<String>> cycles, Map<String, Set<String>> uses) {
        List<String> edges = new ArrayList<>();
        for (Set<String> cycle : cycles) {
            for (String from : cycle) {
                for (String to : uses.getOrDefault(from, Set.of())) {
                    if (cycle.contains(to)) {
                        edges.add(from + " -> " + to);
                    }
                }
            }
        }
        return edges;
    }

    /** Strongly connected components of more than one package (Tarjan), each as "a -> b -> a" material. */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] next = {0};
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, found, next);
            }
        }
        return found;
    }

    private static void connect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> found,
            int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]);
        next[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
