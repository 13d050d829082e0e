package vn.healthid.bridge.telehealth;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Encounter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import vn.healthid.bridge.telehealth.fhir.AppointmentProvider;
import vn.healthid.bridge.telehealth.fhir.EncounterProvider;
import vn.healthid.bridge.telehealth.fhir.TelehealthAuthorizationRules;
import vn.healthid.bridge.testsupport.Callers;

/**
 * The telehealth providers alone in a real HAPI servlet on an embedded Tomcat, behind a filter
 * that verifies real signed tokens against the test issuer's JWKS, and HAPI's authorization with
 * the rules telehealth contributes. It exercises the operations over HTTP without the core's SMART
 * interceptor (which does not let extended operations through yet: see docs/telehealth.md); the
 * whole bridge is covered by {@link TelehealthOverHttpIT}.
 */
final class TelehealthServlet implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();

    TelehealthServlet(TelehealthServices services, String jwksUri) {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).build();
        RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
        server.setResourceProviders(List.of(new AppointmentProvider(services), new EncounterProvider(services)));
        server.registerInterceptor(new FeatureRulesOnly());
        try {
            tomcat.setBaseDir(Files.createTempDirectory("telehealth-tomcat").toString());
            tomcat.setPort(0);
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "fhir", server);
            context.addServletMappingDecoded("/fhir/*", "fhir");
            addBearerFilter(context, decoder);
            tomcat.start();
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HAPI's authorization with the rules telehealth contributes for its operations, plus plain
     * Appointment/Encounter read and write: shows that the contributed rules let the operations
     * through a deny-by-default interceptor.
     */
    private static final class FeatureRulesOnly extends AuthorizationInterceptor {

        FeatureRulesOnly() {
            super(PolicyEnum.DENY);
        }

        @Override
        public List<IAuthRule> buildRuleList(RequestDetails request) {
            List<IAuthRule> rules = new ArrayList<>(new TelehealthAuthorizationRules().rules(null, request));
            rules.addAll(new RuleBuilder()
                    .allow()
                    .read()
                    .resourcesOfType(Appointment.class)
                    .withAnyId()
                    .andThen()
                    .allow()
                    .read()
                    .resourcesOfType(Encounter.class)
                    .withAnyId()
                    .andThen()
                    .allow()
                    .write()
                    .resourcesOfType(Appointment.class)
                    .withAnyId()
                    .andThen()
                    .denyAll()
                    .build());
            return rules;
        }
    }

    String base() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/fhir";
    }

    private static void addBearerFilter(Context context, JwtDecoder decoder) {
        Filter bearer = (request, response, chain) -> {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            try {
                if (header != null && header.startsWith("Bearer ")) {
                    SecurityContextHolder.getContext()
                            .setAuthentication(Callers.authenticate(decoder.decode(header.substring(7))));
                }
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
        FilterDef definition = new FilterDef();
        definition.setFilterName("bearer");
        definition.setFilter(bearer);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("bearer");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }
}
