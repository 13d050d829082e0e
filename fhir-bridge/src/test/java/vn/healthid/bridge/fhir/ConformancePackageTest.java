package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.audit.AuditError;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.testsupport.FhirValidation;

/**
 * The FHIR package the build makes ({@code target/fhir-package/package.tgz}, on the test
 * classpath): its layout, its index, that HAPI's validator loads it, and that its code systems hold
 * exactly the codes the bridge writes.
 */
class ConformancePackageTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src/main/java");

    /** The package's files as a validator sees them: name under {@code package/} to content. */
    private static Map<String, byte[]> packageFiles() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream raw = ConformancePackageTest.class.getResourceAsStream("/package.tgz");
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        return files;
    }

    @Test
    void thePackageHasTheNpmLayoutAValidatorLoadsWithIg() throws IOException {
        var files = packageFiles();
        assertThat(files).containsKeys("package/package.json", "package/.index.json");
        assertThat(files.keySet()).allMatch(name -> name.startsWith("package/"));
        JsonNode manifest = JSON.readTree(files.get("package/package.json"));
        assertThat(manifest.path("name").asText()).isEqualTo("vn.healthid.fhir");
        assertThat(manifest.path("canonical").asText()).isEqualTo(ConformanceResources.CANONICAL_BASE);
        assertThat(manifest.path("fhirVersions").get(0).asText()).isEqualTo("4.0.1");
        assertThat(manifest.path("dependencies").path("hl7.fhir.r4.core").asText())
                .isEqualTo("4.0.1");
    }

    @Test
    void theIndexListsEveryResourceOfThePackageAsItIs() throws IOException {
        var files = packageFiles();
        JsonNode index = JSON.readTree(files.get("package/.index.json"));
        Set<String> indexed = new TreeSet<>();
        for (JsonNode entry : index.path("files")) {
            String name = entry.path("filename").asText();
            indexed.add(name);
            byte[] content = files.get("package/" + name);
            assertThat(content).as(name).isNotNull();
            var resource = (MetadataResource)
                    FHIR.newJsonParser().parseResource(new String(content, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(entry.path("resourceType").asText()).as(name).isEqualTo(resource.fhirType());
            assertThat(entry.path("id").asText()).as(name).isEqualTo(resource.getIdPart());
            assertThat(entry.path("url").asText()).as(name).isEqualTo(resource.getUrl());
            assertThat(entry.path("version").asText()).as(name).isEqualTo(resource.getVersion());
            assertThat(name).isEqualTo(resource.fhirType() + "-" + resource.getIdPart() + ".json");
            if (resource instanceof StructureDefinition sd) {
                assertThat(entry.path("type").asText()).as(name).isEqualTo(sd.getType());
                assertThat(entry.path("kind").asText())
                        .as(name)
                        .isEqualTo(sd.getKind().toCode());
            }
        }
        Set<String> resources = files.keySet().stream()
                .map(name -> name.substring("package/".length()))
                .filter(name -> !name.equals("package.json") && !name.equals(".index.json"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(indexed).isEqualTo(resources);
    }

    @Test
    void hapisValidationSupportLoadsThePackageAndResolvesEveryCanonicalOfIt() {
        var npm = FhirValidation.projectPackage(FHIR);
        var served = ConformanceResources.load(FHIR);
        int count = 0;
        for (String type : ConformanceResources.TYPES) {
            for (MetadataResource resource : served.all(type)) {
                count++;
                switch (type) {
                    case "StructureDefinition" ->
                        assertThat(npm.fetchStructureDefinition(resource.getUrl()))
                                .as(resource.getUrl())
                                .isNotNull();
                    case "CodeSystem" ->
                        assertThat(npm.fetchCodeSystem(resource.getUrl()))
                                .as(resource.getUrl())
                                .isNotNull();
                    case "ValueSet" ->
                        assertThat(npm.fetchValueSet(resource.getUrl()))
                                .as(resource.getUrl())
                                .isNotNull();
                    default -> count--; // HAPI's support holds definitions and terminology only
                }
            }
        }
        assertThat(npm.fetchAllConformanceResources()).hasSize(count);
    }

    @Test
    void everyDefinitionIsItselfValidFhir() {
        var served = ConformanceResources.load(FHIR);
        for (String type : ConformanceResources.TYPES) {
            for (MetadataResource resource : served.all(type)) {
                assertThat(FhirValidation.errors(resource))
                        .as(resource.getUrl())
                        .isEmpty();
            }
        }
    }

    @Test
    void everyProfileExtensionAndCodeSystemTheBridgeNamesIsInThePackage() throws IOException {
        Set<String> named = new HashSet<>();
        for (var field : CoverageFhir.class.getFields()) {
            if (field.getType() == String.class) {
                try {
                    named.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        var literal = Pattern.compile(
                "\"(https://healthid\\.vn/fhir/(StructureDefinition|CodeSystem|ValueSet|OperationDefinition)/[a-z0-9-]+)\"");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                literal.matcher(Files.readString(file)).results().forEach(m -> named.add(m.group(1)));
            }
        }
        named.add(CoverageError.SYSTEM);
        var served = ConformanceResources.load(FHIR);
        Set<String> urls = ConformanceResources.TYPES.stream()
                .flatMap(type -> served.all(type).stream())
                .map(MetadataResource::getUrl)
                .collect(Collectors.toSet());
        Set<String> ours = named.stream()
                .filter(url -> url.matches(
                        "https://healthid\\.vn/fhir/(StructureDefinition|CodeSystem|ValueSet|OperationDefinition)/.+"))
                .collect(Collectors.toSet());
        // declared for later use, written nowhere yet
        ours.remove(CoverageFhir.CS_BENEFICIARY_GROUP);
        ours.remove(CoverageFhir.CS_BENEFIT_LEVEL);
        assertThat(urls).containsAll(ours);
    }

    @Test
    void theBridgeErrorCodeSystemHoldsExactlyTheBridgesCodes() {
        Set<String> codes = new TreeSet<>();
        Stream.of(BridgeError.values(), TelehealthError.values(), AuditError.values())
                .flatMap(Arrays::stream)
                .filter(c -> c.system().equals(ErrorCode.SYSTEM))
                .forEach(c -> codes.add(c.name()));
        assertThat(codesOf(ErrorCode.SYSTEM)).isEqualTo(codes);
    }

    @Test
    void theCoverageErrorCodeSystemHoldsExactlyTheCoverageCodesTheBridgeWrites() {
        Set<String> written = new TreeSet<>();
        Arrays.stream(CoverageError.values()).forEach(c -> written.add(c.name()));
        assertThat(codesOf(CoverageError.SYSTEM)).isEqualTo(written);
    }

    @Test
    void theGatewayResultCodeSystemHoldsExactlyTheResultCodeTable() throws IOException {
        Set<String> table = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/coverage/result-codes.json")) {
            JSON.readTree(in).path("codes").fieldNames().forEachRemaining(table::add);
        }
        assertThat(codesOf(CoverageFhir.CS_RESULT)).isEqualTo(table);
    }

    private static Set<String> codesOf(String url) {
        var served = ConformanceResources.load(FHIR);
        CodeSystem system = (CodeSystem) served.all("CodeSystem").stream()
                .filter(cs -> cs.getUrl().equals(url))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CodeSystem " + url));
        assertThat(system.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
        assertThat(system.getCount()).isEqualTo(system.getConcept().size());
        return system.getConcept().stream()
                .map(CodeSystem.ConceptDefinitionComponent::getCode)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
