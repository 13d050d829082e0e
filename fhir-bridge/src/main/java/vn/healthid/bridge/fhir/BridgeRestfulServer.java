package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;

/**
 * The HAPI plain server at {@code /fhir}: one {@link IResourceProvider} per resource type (a new
 * feature adds its provider bean and, if needed, an authorization rule contributor), operations of
 * features on types they do not serve ({@link BridgeOperationProvider}), JSON by default, ETags on
 * reads.
 */
public final class BridgeRestfulServer extends RestfulServer {

    private final transient List<IResourceProvider> providers;
    private final transient List<BridgeOperationProvider> operationProviders;
    private final transient List<Object> interceptors;
    private final transient CapabilityStatementCustomizer capabilities;

    public BridgeRestfulServer(
            FhirContext fhirContext,
            List<IResourceProvider> providers,
            List<Object> interceptors,
            CapabilityStatementCustomizer capabilities) {
        this(fhirContext, providers, List.of(), interceptors, capabilities);
    }

    public BridgeRestfulServer(
            FhirContext fhirContext,
            List<IResourceProvider> providers,
            List<BridgeOperationProvider> operationProviders,
            List<Object> interceptors,
            CapabilityStatementCustomizer capabilities) {
        super(fhirContext);
        this.providers = List.copyOf(providers);
        this.operationProviders = List.copyOf(operationProviders);
        this.interceptors = List.copyOf(interceptors);
        this.capabilities = capabilities;
    }

    @Override
    protected void initialize() {
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setETagSupport(ETagSupportEnum.ENABLED);
        setResourceProviders(providers);
        registerProviders(operationProviders);
        interceptors.forEach(this::registerInterceptor);
        setServerConformanceProvider(new BridgeCapabilityStatementProvider(this, capabilities));
    }

    /**
     * No provider method matches: for a read or search (GET, HEAD, {@code _search}) the parameters
     * are what is not supported, otherwise the interaction.
     */
    @Override
    protected void throwUnknownFhirOperationException(
            RequestDetails request, String requestPath, RequestTypeEnum requestType) {
        boolean query = requestType == RequestTypeEnum.GET
                || requestType == RequestTypeEnum.HEAD
                || (requestPath != null && requestPath.endsWith("/_search"));
        throw new BridgeFhirException(
                query ? BridgeError.PARAMETER_UNSUPPORTED : BridgeError.INTERACTION_UNSUPPORTED,
                "No " + requestType + " interaction here takes these parameters.");
    }
}
