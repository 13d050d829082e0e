package vn.healthid.bridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code healthid.fhir.*}: the FHIR server at {@code /fhir}.
 *
 * @param maxBodySize largest request body accepted (413 above it)
 */
@ConfigurationProperties("healthid.fhir")
public record FhirProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
