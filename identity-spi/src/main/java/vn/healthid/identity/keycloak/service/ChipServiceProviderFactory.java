package vn.healthid.identity.keycloak.service;

import org.keycloak.provider.ProviderFactory;

/** Factory type of the {@code healthid-chip} SPI. */
public interface ChipServiceProviderFactory extends ProviderFactory<ChipService> {}
