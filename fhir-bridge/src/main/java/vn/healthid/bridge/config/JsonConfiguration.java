package vn.healthid.bridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's Jackson 2 mapper, for the insurance gateway's JSON and the coverage cache
 * (Spring Boot 4's own mapper is Jackson 3 and serves the web layer).
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }
}
