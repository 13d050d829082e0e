package vn.healthid.bridge.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.UriType;

/**
 * Makes the CapabilityStatement list exactly what is served: no includes, revincludes or history
 * (refused by {@link RequestGuardInterceptor}), JSON and XML, and the SMART-on-FHIR security
 * service with the realm's OAuth endpoints when discovery answered. Every operation is declared
 * on its resource with the canonical URL of the project's OperationDefinition (served at
 * {@code /fhir/OperationDefinition/<id>}), and the definitions themselves as read-only resources.
 */
public final class CapabilityStatementCustomizer {

    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private final OAuthUris endpoints;
    private final ConformanceResources conformance;

    public CapabilityStatementCustomizer(OAuthUris endpoints, ConformanceResources conformance) {
        this.endpoints = endpoints;
        this.conformance = conformance;
    }

    void customize(CapabilityStatement statement) {
        statement.setName("HealthIdFhirBridge");
        statement.setPublisher("healthid");
        statement.getSoftware().setName("healthid fhir-bridge");
        statement.getFormat().clear();
        statement.addFormat("application/fhir+json");
        statement.addFormat("application/fhir+xml");
        statement.getPatchFormat().clear();
        for (CapabilityStatementRestComponent rest : statement.getRest()) {
            rest.getInteraction().clear();
            rest.getOperation().clear();
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                resource.getSearchInclude().clear();
                resource.getSearchRevInclude().clear();
                resource.getOperation().clear();
                resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
                resource.setReadHistory(false);
                resource.setUpdateCreate(false);
                resource.setConditionalCreate(false);
                resource.setConditionalUpdate(false);
                resource.setConditionalDelete(null);
                resource.getReferencePolicy().clear();
                declareOperations(resource);
            }
            ConformanceResources.TYPES.forEach(type -> declareDefinitions(rest, type));
            rest.setSecurity(security());
        }
    }

    /** HAPI names its own generated definitions; the served ones are the project's (docs/fhir-api.md). */
    private void declareOperations(CapabilityStatementRestResourceComponent resource) {
        for (OperationDefinition definition : conformance.operations()) {
            boolean onThisType = definition.getResource().stream()
                    .anyMatch(type -> type.getValue().equals(resource.getType()));
            if (onThisType) {
                resource.addOperation()
                        .setName(definition.getCode())
                        .setDefinition(definition.getUrl())
                        .setDocumentation(definition.getTitle());
            }
        }
    }

    private static void declareDefinitions(CapabilityStatementRestComponent rest, String type) {
        // HAPI lists OperationDefinition itself (its own read); the served ones are the project's
        rest.getResource().removeIf(existing -> existing.getType().equals(type));
        var resource = rest.addResource().setType(type);
        resource.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam()
                .setName("url")
                .setType(Enumerations.SearchParamType.URI)
                .setDefinition("http://hl7.org/fhir/SearchParameter/conformance-url")
                .setDocumentation("the canonical URL; no token needed");
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
        resource.setReadHistory(false);
        resource.setUpdateCreate(false);
        resource.setDocumentation("The project's own definitions, read-only (canonical base "
                + ConformanceResources.CANONICAL_BASE + ")");
    }

    private CapabilityStatement.CapabilityStatementRestSecurityComponent security() {
        CapabilityStatement.CapabilityStatementRestSecurityComponent security =
                new CapabilityStatement.CapabilityStatementRestSecurityComponent();
        security.setCors(false);
        security.addService(new CodeableConcept()
                .addCoding(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service",
                        "SMART-on-FHIR",
                        "SMART-on-FHIR"))
                .setText("OAuth2 bearer tokens from the healthid Keycloak realm; SMART App Launch v2 scopes"));
        Optional<OAuthUris.Uris> known = endpoints.oauthUris();
        known.ifPresent(found -> {
            Extension uris = security.addExtension().setUrl(OAUTH_URIS);
            uris.addExtension("authorize", new UriType(found.authorize()));
            uris.addExtension("token", new UriType(found.token()));
        });
        return security;
    }
}
