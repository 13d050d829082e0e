package vn.healthid.bridge.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Plugs a test-only Observation provider into the bridge, the way a feature adds its own. */
@TestConfiguration(proxyBeanMethods = false)
public class TestResourcesConfiguration {

    @Bean
    TestObservationProvider testObservationProvider() {
        return new TestObservationProvider();
    }
}
