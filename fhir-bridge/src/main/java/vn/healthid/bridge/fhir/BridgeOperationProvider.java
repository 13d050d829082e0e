package vn.healthid.bridge.fhir;

/**
 * Marks a Spring bean that is a HAPI plain provider of a feature: {@code @Operation} methods on a
 * resource type whose {@code IResourceProvider} belongs to another feature (HAPI allows one per
 * type), declared with {@code type = X.class}. Every such operation still needs an {@code
 * AuthorizationRuleContributor} rule, or it is denied.
 */
public interface BridgeOperationProvider {}
