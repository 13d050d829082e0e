package vn.healthid.identity.keycloak.service;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** A small SPI of our own so that the chip settings are one group of options: {@code spi-healthid-chip--default--*}. */
public final class ChipServiceSpi implements Spi {

    public static final String NAME = "healthid-chip";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ChipService.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ChipServiceProviderFactory.class;
    }
}
