package vn.healthid.identity.keycloak.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

/** The sandbox PKI Keycloak trusts in the integration tests, and fresh synthetic citizens (one per test). */
public final class SandboxCards {

    private static final long SEED = 20_261_123L;

    private final SandboxPki pki;
    private final CardIssuer issuer;
    private final List<Citizen> population;
    private final AtomicInteger next = new AtomicInteger();

    private SandboxCards(SandboxPki pki, List<Citizen> population) {
        this.pki = pki;
        this.issuer = new CardIssuer(pki);
        this.population = population;
    }

    static SandboxCards create() {
        return new SandboxCards(
                SandboxPki.generate(SEED, SignatureScheme.RSA_PKCS1_SHA256, Instant.now()),
                vn.healthid.sandbox.cards.Population.generate(SEED, 500, LocalDate.now()));
    }

    public SandboxPki pki() {
        return pki;
    }

    /** A citizen no other test has used, with a card that has not expired. */
    public Citizen freshCitizen() {
        while (true) {
            Citizen citizen = population.get(next.getAndIncrement());
            if (citizen.dateOfExpiry() == null
                    || citizen.dateOfExpiry().isAfter(LocalDate.now().plusDays(1))) {
                return citizen;
            }
        }
    }

    public Card issue(Citizen citizen, CardSpec spec) {
        return issuer.issue(citizen, spec);
    }
}
