package vn.healthid.identity.keycloak.service;

import java.util.Optional;
import org.keycloak.provider.Provider;
import vn.healthid.identity.chip.ChipVerifier;

/** Per-request handle on the server-wide chip settings and verifier (one instance per Keycloak node). */
public final class ChipService implements Provider {

    private final ChipSettings settings;
    private final ChipVerifier verifier;

    ChipService(ChipSettings settings, ChipVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    public ChipSettings settings() {
        return settings;
    }

    /** Empty when no trust store is configured: every chip login then fails with VERIFIER_NOT_CONFIGURED. */
    public Optional<ChipVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    @Override
    public void close() {}
}
