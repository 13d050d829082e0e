package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The project's own StructureDefinitions, ValueSets, CodeSystems and OperationDefinitions: the
 * files of the FHIR package ({@code fhir-package/package} on the classpath, also packed into
 * {@code package.tgz} by the build), by type and id. Their canonical base is {@link #CANONICAL_BASE};
 * the bridge serves each at {@code /fhir/<type>/<id>}, the path of its canonical URL
 * (docs/fhir-api.md).
 */
public final class ConformanceResources {

    public static final String CANONICAL_BASE = "https://healthid.vn/fhir";

    /** The types served read-only, in CapabilityStatement order. */
    public static final List<String> TYPES =
            List.of("StructureDefinition", "ValueSet", "CodeSystem", "OperationDefinition");

    static final String LOCATION = "classpath*:fhir-package/package/*.json";

    private final Map<String, Map<String, MetadataResource>> byType;

    private ConformanceResources(Map<String, Map<String, MetadataResource>> byType) {
        this.byType = byType;
    }

    public static ConformanceResources load(FhirContext context) {
        Map<String, Map<String, MetadataResource>> byType = new LinkedHashMap<>();
        TYPES.forEach(type -> byType.put(type, new LinkedHashMap<>()));
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (Resource file : files) {
                String name = file.getFilename();
                String type = name == null ? "" : name.substring(0, Math.max(0, name.indexOf('-')));
                if (!byType.containsKey(type)) {
                    continue; // package.json
                }
                MetadataResource resource = parse(context, file);
                String expectedUrl = CANONICAL_BASE + "/" + type + "/" + resource.getIdPart();
                if (!resource.fhirType().equals(type) || !expectedUrl.equals(resource.getUrl())) {
                    throw new IllegalStateException(name + ": url must be " + expectedUrl);
                }
                byType.get(type).put(resource.getIdPart(), resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byType.replaceAll((type, resources) -> Collections.unmodifiableMap(resources));
        return new ConformanceResources(Collections.unmodifiableMap(byType));
    }

    private static MetadataResource parse(FhirContext context, Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return (MetadataResource)
                    context.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A copy: callers may not change what is served. */
    public Optional<MetadataResource> read(String type, String id) {
        return Optional.ofNullable(byType.getOrDefault(type, Map.of()).get(id)).map(MetadataResource::copy);
    }

    public List<MetadataResource> all(String type) {
        List<MetadataResource> copies = new ArrayList<>();
        byType.getOrDefault(type, Map.of()).values().forEach(r -> copies.add(r.copy()));
        return copies;
    }

    public List<OperationDefinition> operations() {
        return all("OperationDefinition").stream()
                .map(OperationDefinition.class::cast)
                .toList();
    }
}
