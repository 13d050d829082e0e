package vn.healthid.bridge.patient;

import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthid.bridge.config.PatientIdProperties;
import vn.healthid.bridge.identity.PatientIds;
import vn.healthid.bridge.store.DocumentStore;

/** Wires the Patient feature: provider, service, registry, translator. */
@Configuration(proxyBeanMethods = false)
public class PatientConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PatientConfiguration.class);

    @Bean
    PatientIds patientIds(PatientIdProperties properties) {
        if (properties.isSandboxKey()) {
            LOG.warn("healthid.patient-id.key is the sandbox key: set your own outside the sandbox");
        }
        return new PatientIds(properties.key());
    }

    @Bean
    PatientTranslator patientTranslator(FhirContext fhirContext) {
        return new PatientTranslator(fhirContext);
    }

    @Bean
    PatientRegistry patientRegistry(DocumentStore store, PatientTranslator translator) {
        return new PatientRegistry(store, translator);
    }

    @Bean
    PatientService patientService(PatientRegistry registry, PatientTranslator translator, PatientIds patientIds) {
        return new PatientService(registry, translator, patientIds);
    }

    @Bean
    OwnRecordSearchInterceptor ownRecordSearchInterceptor() {
        return new OwnRecordSearchInterceptor();
    }

    @Bean
    PatientResourceProvider patientResourceProvider(PatientService service) {
        return new PatientResourceProvider(service);
    }
}
