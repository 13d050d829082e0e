package vn.healthid.sandbox.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** One PKI and population per test JVM (keys are cached process-wide anyway). */
final class Fixtures {

    static final long SEED = 42L;
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private static SandboxPki rsaPki;
    private static List<Citizen> population;

    private Fixtures() {}

    static synchronized SandboxPki rsaPki() {
        if (rsaPki == null) {
            rsaPki = SandboxPki.generate(SEED, SignatureScheme.RSA_PKCS1_SHA256, NOW);
        }
        return rsaPki;
    }

    static synchronized List<Citizen> population() {
        if (population == null) {
            population = Population.generate(SEED, 40, TODAY);
        }
        return population;
    }

    /** A citizen whose card has an expiry date (the first in the population). */
    static Citizen citizen() {
        return population().stream()
                .filter(c -> c.dateOfExpiry() != null)
                .findFirst()
                .orElseThrow();
    }
}
