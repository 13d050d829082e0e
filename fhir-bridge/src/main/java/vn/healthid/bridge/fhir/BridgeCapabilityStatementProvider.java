package vn.healthid.bridge.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/** HAPI's generated CapabilityStatement (from the providers), then trimmed and completed. */
final class BridgeCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    private final CapabilityStatementCustomizer customizer;

    BridgeCapabilityStatementProvider(RestfulServer server, CapabilityStatementCustomizer customizer) {
        super(server);
        this.customizer = customizer;
    }

    @Override
    public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails details) {
        CapabilityStatement statement = (CapabilityStatement) super.getServerConformance(request, details);
        customizer.customize(statement);
        return statement;
    }
}
