package vn.healthid.bridge.fhir;

/**
 * Marks a Spring bean that is a HAPI interceptor of a feature (methods annotated with {@code
 * @Hook}); the FHIR server registers every such bean after its own guard and authorization.
 */
public interface BridgeInterceptor {}
