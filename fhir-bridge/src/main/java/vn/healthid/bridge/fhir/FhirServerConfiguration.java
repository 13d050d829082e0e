package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthid.bridge.config.FhirProperties;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.security.AccessResolver;
import vn.healthid.bridge.security.AuthorizationRuleContributor;
import vn.healthid.bridge.security.CompartmentSwapGuard;
import vn.healthid.bridge.security.SmartAuthorizationInterceptor;
import vn.healthid.bridge.security.StepUpPolicy;
import vn.healthid.bridge.smart.AuthorizationEndpoints;
import vn.healthid.bridge.smart.SmartConfiguration;
import vn.healthid.bridge.smart.SmartConfigurationServlet;

/**
 * Mounts the HAPI server at {@code /fhir/*} with every {@link IResourceProvider} and {@link
 * BridgeOperationProvider} bean, the request guard, the SMART authorization interceptor and the
 * error normaliser; the SMART configuration servlet; and the body size limit.
 */
@Configuration(proxyBeanMethods = false)
public class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        var context = FhirContext.forR4Cached();
        // Contained resources are added explicitly (with ids); without this, every encode walks the
        // resource's references looking for ones to contain (measured in docs/benchmarks.md).
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }

    @Bean
    ServedTypes servedTypes(FhirContext fhirContext, List<IResourceProvider> providers) {
        Set<String> types = new LinkedHashSet<>();
        providers.forEach(provider -> types.add(fhirContext.getResourceType(provider.getResourceType())));
        return new ServedTypes(List.copyOf(types));
    }

    @Bean
    AuthorizationEndpoints authorizationEndpoints(SecurityProperties properties, Clock clock) {
        return new AuthorizationEndpoints(
                properties.issuerBase(), properties.discoveryTtl(), properties.httpTimeout(), clock);
    }

    @Bean
    StepUpPolicy stepUpPolicy(SecurityProperties properties) {
        return new StepUpPolicy(properties.acrLevels());
    }

    @Bean
    ServletRegistrationBean<BridgeRestfulServer> fhirServlet(
            FhirContext fhirContext,
            List<IResourceProvider> providers,
            ObjectProvider<BridgeOperationProvider> operationProviders,
            List<AuthorizationRuleContributor> contributors,
            List<BridgeInterceptor> featureInterceptors,
            ServedTypes servedTypes,
            AuthorizationEndpoints endpoints) {
        AccessResolver resolver = new AccessResolver();
        List<Object> interceptors = new ArrayList<>(List.of(
                new RequestGuardInterceptor(Set.copyOf(servedTypes.names())),
                new CompartmentSwapGuard(fhirContext, resolver),
                new SmartAuthorizationInterceptor(resolver, contributors),
                new ExceptionOutcomeInterceptor()));
        interceptors.addAll(featureInterceptors);
        BridgeRestfulServer server = new BridgeRestfulServer(
                fhirContext,
                providers,
                operationProviders.orderedStream().toList(),
                interceptors,
                new CapabilityStatementCustomizer(endpoints));
        ServletRegistrationBean<BridgeRestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
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

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            FhirProperties properties, OperationOutcomeResponder responder) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), responder));
        registration.addUrlPatterns("/fhir/*");
        // before Spring Security (-100): an oversized body is refused without reading it
        registration.setOrder(-200);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BufferedResponseFilter> bufferedResponseFilter() {
        FilterRegistrationBean<BufferedResponseFilter> registration =
                new FilterRegistrationBean<>(new BufferedResponseFilter());
        registration.addUrlPatterns("/fhir/*");
        // after the body limit (-200), before Spring Security (-100): its 401 and 403 answers too
        registration.setOrder(-150);
        return registration;
    }
}
