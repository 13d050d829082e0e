package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * Plugs the audit interceptor into the FHIR server before it starts taking requests. Registration
 * is idempotent, so the server configuration may also list the interceptor itself.
 */
@Component
public final class AuditServerRegistration implements SmartInitializingSingleton {

    private final List<ServletRegistrationBean<?>> servlets;
    private final AuditInterceptor interceptor;

    public AuditServerRegistration(List<ServletRegistrationBean<?>> servlets, AuditInterceptor interceptor) {
        this.servlets = servlets;
        this.interceptor = interceptor;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ServletRegistrationBean<?> registration : servlets) {
            if (registration.getServlet() instanceof RestfulServer server
                    && !server.getInterceptorService()
                            .getAllRegisteredInterceptors()
                            .contains(interceptor)) {
                server.registerInterceptor(interceptor);
            }
        }
    }
}
