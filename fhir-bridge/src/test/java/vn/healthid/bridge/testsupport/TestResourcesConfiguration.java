package vn.healthid.bridge.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Plugs a test-only Observation provider into the bridge, the way a feature adds its own; and
 * validates every FHIR answer ({@link EveryAnswerValidates}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestResourcesConfiguration {

    @Bean
    TestObservationProvider testObservationProvider() {
        return new TestObservationProvider();
    }

    @Bean
    FilterRegistrationBean<EveryAnswerValidates> everyAnswerValidates() {
        FilterRegistrationBean<EveryAnswerValidates> registration =
                new FilterRegistrationBean<>(new EveryAnswerValidates());
        registration.addUrlPatterns("/fhir/*");
        // outermost: it sees the bytes the client gets, after the bridge's own buffering (-150)
        registration.setOrder(-300);
        return registration;
    }
}
