package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.healthid.bridge.coverage.CoverageServletTest;

/**
 * The project's definitions at the paths of their canonical URLs, without a token, read-only; and
 * the CapabilityStatement declaring every operation the server has with its served definition.
 * (A coverage context, so that the coverage operations are registered too.)
 */
class DefinitionsAreServedTest extends CoverageServletTest {

    @Autowired
    ConformanceResources definitions;

    @Autowired
    ApplicationContext context;

    @Test
    void everyDefinitionIsReadableWithoutATokenAtItsCanonicalPath() {
        int read = 0;
        for (String type : ConformanceResources.TYPES) {
            for (MetadataResource expected : definitions.all(type)) {
                String path = expected.getUrl().substring("https://healthid.vn".length());
                HttpResponse<String> r = get(path, null);
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
                MetadataResource served =
                        (MetadataResource) FHIR.newJsonParser().parseResource(r.body());
                assertThat(served.equalsDeep(expected)).as(path).isTrue();
                read++;
            }
        }
        assertThat(read).isGreaterThanOrEqualTo(20);
    }

    @Test
    void hapisGenericClientReadsAProfileAsXmlToo() {
        StructureDefinition profile = client(null)
                .read()
                .resource(StructureDefinition.class)
                .withId("bhyt-eligibility-response")
                .encodedXml()
                .execute();
        assertThat(profile.getUrl())
                .isEqualTo("https://healthid.vn/fhir/StructureDefinition/bhyt-eligibility-response");
        assertThat(profile.getType()).isEqualTo("CoverageEligibilityResponse");
    }

    @Test
    void aDefinitionIsFoundByItsCanonicalUrl() {
        String url = "https://healthid.vn/fhir/CodeSystem/bridge-error";
        HttpResponse<String> r = get("/fhir/CodeSystem?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry())
                .singleElement()
                .satisfies(e -> assertThat(((MetadataResource) e.getResource()).getUrl())
                        .isEqualTo(url));
        assertThat(bundle.getEntryFirstRep().getFullUrl()).endsWith("/fhir/CodeSystem/bridge-error");
    }

    @Test
    void anUnknownDefinitionIsNotFoundAndNothingCanBeWritten() {
        HttpResponse<String> missing = get("/fhir/StructureDefinition/no-such-profile", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorCode(missing)).isEqualTo("NOT_FOUND");

        HttpResponse<String> write = send(request("/fhir/StructureDefinition/bhyt-coverage", null)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"StructureDefinition\"}")));
        assertThat(write.statusCode()).isEqualTo(405);
        assertThat(errorCode(write)).isEqualTo("INTERACTION_UNSUPPORTED");

        HttpResponse<String> search = get("/fhir/ValueSet?name=x", null);
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(errorCode(search)).isEqualTo("PARAMETER_UNSUPPORTED");
    }

    @Test
    void theCapabilityStatementDeclaresEveryOperationWithItsServedDefinition() {
        CapabilityStatement statement =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();
        Set<String> declared = new HashSet<>();
        for (var resource : statement.getRestFirstRep().getResource()) {
            for (var operation : resource.getOperation()) {
                declared.add(resource.getType() + "/$" + operation.getName());
                String definitionUrl = operation.getDefinition();
                String path = definitionUrl.substring("https://healthid.vn".length());
                HttpResponse<String> r = get(path, null);
                assertThat(r.statusCode()).as(definitionUrl).isEqualTo(200);
                OperationDefinition definition =
                        FHIR.newJsonParser().parseResource(OperationDefinition.class, r.body());
                assertThat(definition.getCode()).isEqualTo(operation.getName());
                assertThat(definition.getResource()).anyMatch(t -> t.getValue().equals(resource.getType()));
            }
        }
        assertThat(declared).isEqualTo(operationsOfTheServer());
        assertThat(declared)
                .contains(
                        "CoverageEligibilityRequest/$submit",
                        "Patient/$bhyt-history",
                        "Appointment/$join",
                        "Appointment/$redeem-ticket");
    }

    @Test
    void eachOperationDefinitionSaysWhereTheOperationIsInvoked() {
        for (Object provider : providers()) {
            for (Method method : provider.getClass().getMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation == null) {
                    continue;
                }
                String type = typeOf(provider, operation);
                OperationDefinition definition = definitions.operations().stream()
                        .filter(d -> d.getCode().equals(operation.name().substring(1))
                                && d.getResource().stream()
                                        .anyMatch(t -> t.getValue().equals(type)))
                        .findFirst()
                        .orElseThrow(() ->
                                new AssertionError("no OperationDefinition for " + type + "/" + operation.name()));
                boolean instance =
                        Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(IdParam.class));
                assertThat(definition.getInstance()).as(definition.getUrl()).isEqualTo(instance);
                assertThat(definition.getType()).as(definition.getUrl()).isEqualTo(!instance);
                assertThat(definition.getSystem()).isFalse();
            }
        }
    }

    /** Every {@code @Operation} of the server's providers, as {@code Type/$name}. */
    private Set<String> operationsOfTheServer() {
        Set<String> found = new HashSet<>();
        for (Object provider : providers()) {
            for (Method method : provider.getClass().getMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null) {
                    found.add(typeOf(provider, operation) + "/" + operation.name());
                }
            }
        }
        return found;
    }

    private List<Object> providers() {
        List<Object> all = new java.util.ArrayList<>(
                context.getBeansOfType(IResourceProvider.class).values());
        all.addAll(context.getBeansOfType(BridgeOperationProvider.class).values());
        return all;
    }

    private String typeOf(Object provider, Operation operation) {
        Class<?> type = provider instanceof IResourceProvider rp ? rp.getResourceType() : operation.type();
        return FHIR.getResourceType(type.asSubclass(org.hl7.fhir.instance.model.api.IBaseResource.class));
    }
}
