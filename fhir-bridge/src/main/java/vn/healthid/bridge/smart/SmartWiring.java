package vn.healthid.bridge.smart;

import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.fhir.OperationOutcomeResponder;
import vn.healthid.bridge.fhir.ServedTypes;

/** The realm's discovered endpoints and the SMART configuration servlet. */
@Configuration(proxyBeanMethods = false)
public class SmartWiring {

    @Bean
    AuthorizationEndpoints authorizationEndpoints(SecurityProperties properties, Clock clock) {
        return new AuthorizationEndpoints(
                properties.issuerBase(), properties.discoveryTtl(), properties.httpTimeout(), clock);
    }

    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(
            AuthorizationEndpoints endpoints,
            ServedTypes servedTypes,
            SecurityProperties properties,
            OperationOutcomeResponder responder) {
        SmartConfiguration configuration =
                new SmartConfiguration(endpoints, servedTypes.names(), properties.issuerBase());
        ServletRegistrationBean<SmartConfigurationServlet> registration = new ServletRegistrationBean<>(
                new SmartConfigurationServlet(configuration, responder),
                "/fhir/.well-known/smart-configuration",
                "/.well-known/smart-configuration");
        registration.setName("smartConfiguration");
        return registration;
    }
}
