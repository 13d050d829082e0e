package vn.healthid.identity.chip;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

/** A sandbox PKI, issuer and population, generated once per test class (key generation is costly). */
final class SandboxFixture {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    final SandboxPki pki;
    final CardIssuer issuer;
    final List<Citizen> population;
    final TrustStore trust;

    SandboxFixture(long seed, SignatureScheme scheme) {
        this.pki = SandboxPki.generate(seed, scheme, NOW);
        this.issuer = new CardIssuer(pki);
        this.population = Population.generate(seed, 40, LocalDate.ofInstant(NOW, ZoneOffset.UTC));
        this.trust = TrustStore.fromPem(pki.trustPem().getBytes(StandardCharsets.US_ASCII));
    }

    ChipVerifier verifier() {
        return new ChipVerifier(trust, CLOCK);
    }

    ChipVerifier verifierWithCrl() {
        return new ChipVerifier(trust.withCrls(pki.crlPem().getBytes(StandardCharsets.US_ASCII)), CLOCK);
    }

    Card card(CardSpec spec) {
        return issuer.issue(adult(), spec);
    }

    /** A citizen with an expiry date (under 60), so that MRZ and DG13 carry a real date. */
    Citizen adult() {
        return population.stream()
                .filter(c -> c.dateOfExpiry() != null)
                .findFirst()
                .orElseThrow();
    }

    static byte[] nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] bundle(Card card, byte[] nonce) {
        return card.bundleJson(base64Url(nonce)).getBytes(StandardCharsets.UTF_8);
    }
}
