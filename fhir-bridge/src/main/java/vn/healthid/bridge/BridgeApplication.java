package vn.healthid.bridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The FHIR bridge: an OAuth2 resource server with a HAPI FHIR R4 server at {@code /fhir}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BridgeApplication.class, args);
    }
}
