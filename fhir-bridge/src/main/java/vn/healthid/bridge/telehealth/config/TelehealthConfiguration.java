package vn.healthid.bridge.telehealth.config;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.telehealth.TelehealthProperties;
import vn.healthid.bridge.telehealth.TelehealthServices;
import vn.healthid.bridge.telehealth.fhir.AppointmentProvider;
import vn.healthid.bridge.telehealth.fhir.EncounterProvider;
import vn.healthid.bridge.telehealth.fhir.OwnSessionsSearch;
import vn.healthid.bridge.telehealth.fhir.TelehealthAuthorizationRules;

/**
 * The telehealth feature's beans (on unless {@code healthid.telehealth.enabled=false}). The FHIR
 * server picks up the providers as {@code IResourceProvider} beans and the rules as an {@code
 * AuthorizationRuleContributor}; who calls and at which level is the security package's {@code Caller}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelehealthProperties.class)
@ConditionalOnProperty(prefix = "healthid.telehealth", name = "enabled", matchIfMissing = true)
public class TelehealthConfiguration {

    @Bean
    TelehealthServices telehealthServices(
            DocumentStore documents,
            SingleUseStore singleUse,
            Clock clock,
            TelehealthProperties properties,
            FhirContext fhirContext) {
        return TelehealthServices.create(documents, singleUse, clock, properties, fhirContext);
    }

    @Bean
    AppointmentProvider appointmentProvider(TelehealthServices services) {
        return new AppointmentProvider(services);
    }

    @Bean
    EncounterProvider telehealthEncounterProvider(TelehealthServices services) {
        return new EncounterProvider(services);
    }

    @Bean
    OwnSessionsSearch telehealthOwnSessionsSearch() {
        return new OwnSessionsSearch();
    }

    @Bean
    TelehealthAuthorizationRules telehealthAuthorizationRules() {
        return new TelehealthAuthorizationRules();
    }
}
