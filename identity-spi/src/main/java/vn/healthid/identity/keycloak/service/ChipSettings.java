package vn.healthid.identity.keycloak.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.keycloak.Config;
import vn.healthid.identity.chip.ChipBundleParser;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.keycloak.abuse.AbuseLimits;

/**
 * Server-wide settings of the chip extension, read once from the {@code spi-healthid-chip--default--*} options.
 * Every default lives here; see docs/chip-login.md for the table users read.
 */
public record ChipSettings(
        Optional<Path> trustPem,
        Optional<Path> masterList,
        Optional<Path> crl,
        Duration challengeTtl,
        int maxBundleBytes,
        Proof proofRequired,
        ChipLevels levels,
        Duration tokenLifetime,
        AbuseLimits abuse,
        String patientIdKey) {

    /** Default cap of a bundle parked by a phone for a waiting browser: a CCCD's files with a face are ~20 KiB. */
    public static final int DEFAULT_PHONE_MAX_BUNDLE_BYTES = 64 * 1024;

    /** Sandbox-only key of the shared patient-id scheme (docs/patient-id.md); production sets its own. */
    public static final String SANDBOX_PATIENT_ID_KEY = "c2FuZGJveC1vbmx5LXBhdGllbnQtaWQta2V5LWRvLW5vdC11c2U=";

    public static ChipSettings from(Config.Scope config) {
        return new ChipSettings(
                path(config, "trust-pem"),
                path(config, "master-list"),
                path(config, "crl"),
                Duration.ofSeconds(config.getInt("challenge-ttl", 120)),
                config.getInt("max-bundle-bytes", ChipBundleParser.DEFAULT_MAX_BYTES),
                Proof.valueOf(config.get("proof-required", Proof.PASSIVE_AND_ACTIVE.name())),
                new ChipLevels(
                        config.get("acr-active", ChipLevels.DEFAULT_ACR_ACTIVE),
                        config.getInt("loa-active", 3),
                        config.get("acr-passive", ChipLevels.DEFAULT_ACR_PASSIVE),
                        config.getInt("loa-passive", 1)),
                Duration.ofSeconds(config.getInt("token-lifetime", 300)),
                abuse(config),
                config.get("patient-id-key", SANDBOX_PATIENT_ID_KEY));
    }

    private static AbuseLimits abuse(Config.Scope config) {
        return new AbuseLimits(
                config.getInt("lockout-threshold-session", 5),
                config.getInt("lockout-threshold-address", 20),
                config.getInt("lockout-threshold-client", 100),
                Duration.ofSeconds(config.getInt("lockout-duration", 900)),
                Duration.ofSeconds(config.getInt("rate-window", 60)),
                new AbuseLimits.Rate(
                        config.getInt("rate-challenge-client", 600), config.getInt("rate-challenge-address", 60)),
                new AbuseLimits.Rate(config.getInt("rate-grant-client", 600), config.getInt("rate-grant-address", 60)),
                new AbuseLimits.Rate(config.getInt("rate-phone-client", 600), config.getInt("rate-phone-address", 30)),
                config.getInt("phone-max-bundle-bytes", DEFAULT_PHONE_MAX_BUNDLE_BYTES));
    }

    private static Optional<Path> path(Config.Scope config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }
}
