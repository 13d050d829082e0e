package vn.healthid.identity.chip;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JSON to {@link ChipBundle} (docs/chip-bundle.md). Never throws on bad input: the answer is a {@link BundleParse}. */
public final class ChipBundleParser {

    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    static final String FORMAT = "healthid-chip-bundle/1";
    static final Set<String> KNOWN_FILES = Set.of("COM", "SOD", "DG1", "DG2", "DG13", "DG14", "DG15");
    private static final Set<String> REQUIRED_FILES = Set.of("SOD", "DG1", "DG13");

    private final int maxBytes;
    private final ObjectMapper json;

    public ChipBundleParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(16).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = new ObjectMapper(factory);
    }

    public BundleParse parse(byte[] bundleJson) {
        if (bundleJson == null || bundleJson.length == 0) {
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "empty");
        }
        if (bundleJson.length > maxBytes) {
            return BundleParse.rejected(ReasonCode.BUNDLE_TOO_LARGE, "limit " + maxBytes + " bytes");
        }
        JsonNode root;
        try (JsonParser parser = json.createParser(bundleJson)) {
            root = json.readTree(parser);
            if (parser.nextToken() != null) {
                return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "trailing content");
            }
        } catch (IOException | RuntimeException e) {
            // Jackson reports syntax errors, constraint violations and bad encodings as exceptions.
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "not JSON");
        }
        return fromTree(root);
    }

    private BundleParse fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "not a JSON object");
        }
        if (!FORMAT.equals(textOf(root, "format"))) {
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "format is not " + FORMAT);
        }
        String challenge = textOf(root, "challenge");
        if (challenge == null || challenge.isEmpty()) {
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "challenge missing");
        }
        JsonNode filesNode = root.get("files");
        if (filesNode == null || !filesNode.isObject()) {
            return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "files missing");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (Map.Entry<String, JsonNode> file : filesNode.properties()) {
            if (!KNOWN_FILES.contains(file.getKey())) {
                return BundleParse.rejected(ReasonCode.BUNDLE_UNKNOWN_FILE, "unknown file " + sanitized(file.getKey()));
            }
            byte[] bytes = file.getValue().isTextual()
                    ? Base64Text.decode(file.getValue().asText())
                    : null;
            if (bytes == null || bytes.length == 0) {
                return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, file.getKey() + " is not base64");
            }
            files.put(file.getKey(), bytes);
        }
        Optional<BundleParse> incomplete = checkFiles(files);
        if (incomplete.isPresent()) {
            return incomplete.get();
        }
        byte[] aaSignature = null;
        JsonNode aa = root.get("aaSignature");
        if (aa != null && !aa.isNull()) {
            aaSignature = aa.isTextual() ? Base64Text.decode(aa.asText()) : null;
            if (aaSignature == null || aaSignature.length == 0) {
                return BundleParse.rejected(ReasonCode.BUNDLE_MALFORMED, "aaSignature is not base64");
            }
        }
        return BundleParse.ok(new ChipBundle(challenge, files, aaSignature));
    }

    /** The file-name rules, also applied to bundles built by callers rather than parsed here. */
    static Optional<BundleParse> checkFiles(Map<String, byte[]> files) {
        for (String name : files.keySet()) {
            if (!KNOWN_FILES.contains(name)) {
                return Optional.of(
                        BundleParse.rejected(ReasonCode.BUNDLE_UNKNOWN_FILE, "unknown file " + sanitized(name)));
            }
        }
        for (String required : REQUIRED_FILES) {
            if (!files.containsKey(required)) {
                return Optional.of(BundleParse.rejected(ReasonCode.BUNDLE_MISSING_FILE, required + " missing"));
            }
        }
        return Optional.empty();
    }

    private static String textOf(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String sanitized(String name) {
        String cut = name.length() > 16 ? name.substring(0, 16) : name;
        return cut.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
