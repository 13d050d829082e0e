package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
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

/**
 * Mounts the HAPI server at {@code /fhir/*} with every {@link IResourceProvider} and {@link
 * BridgeOperationProvider} bean, the request guard, the {@link RequestAuthorization} interceptors
 * and the error normaliser; the project's definitions ({@link ConformanceServlet}); and the body size limit.
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
    ServletRegistrationBean<BridgeRestfulServer> fhirServlet(
            FhirContext fhirContext,
            List<IResourceProvider> providers,
            ObjectProvider<BridgeOperationProvider> operationProviders,
            RequestAuthorization authorization,
            List<BridgeInterceptor> featureInterceptors,
            ServedTypes servedTypes,
            OAuthUris endpoints,
            ConformanceResources conformance) {
        List<Object> interceptors = new ArrayList<>();
        interceptors.add(new RequestGuardInterceptor(Set.copyOf(servedTypes.names())));
        interceptors.addAll(authorization.interceptors());
        interceptors.add(new ExceptionOutcomeInterceptor());
        interceptors.addAll(featureInterceptors);
        BridgeRestfulServer server = new BridgeRestfulServer(
                fhirContext,
                providers,
                operationProviders.orderedStream().toList(),
                interceptors,
                new CapabilityStatementCustomizer(endpoints, conformance));
        ServletRegistrationBean<BridgeRestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ConformanceResources conformanceResources(FhirContext fhirContext) {
        return ConformanceResources.load(fhirContext);
    }

    /** The project's definitions at {@code /fhir/<type>/<id>}, beside (not through) the HAPI server. */
    @Bean
    ServletRegistrationBean<ConformanceServlet> conformanceServlet(
            ConformanceResources conformance, FhirContext fhirContext, OperationOutcomeResponder responder) {
        ServletRegistrationBean<ConformanceServlet> registration = new ServletRegistrationBean<>(
                new ConformanceServlet(conformance, fhirContext, responder),
                ConformanceResources.TYPES.stream()
                        .map(type -> "/fhir/" + type + "/*")
                        .toArray(String[]::new));
        registration.setName("conformance");
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
