package vn.healthid.reader.chip;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.chip.TrustStore;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

/** One sandbox PKI and population per test JVM (key generation is slow), cards on demand, the verifier. */
public final class Sandbox {

    public static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Sandbox instance;

    private final SandboxPki pki;
    private final CardIssuer issuer;
    private final List<Citizen> population;

    private Sandbox() {
        pki = SandboxPki.generate(18, SignatureScheme.RSA_PKCS1_SHA256, NOW);
        issuer = new CardIssuer(pki);
        population = Population.generate(18, 20, LocalDate.ofInstant(NOW, ZoneOffset.UTC));
    }

    public static synchronized Sandbox get() {
        if (instance == null) {
            instance = new Sandbox();
        }
        return instance;
    }

    public Citizen citizen() {
        return population.stream()
                .filter(c -> c.dateOfExpiry() != null)
                .findFirst()
                .orElseThrow();
    }

    public Card card(CardSpec spec) {
        return issuer.issue(citizen(), spec);
    }

    /** The key a clerk types: the 12-digit number, birth and expiry as printed (YYMMDD). */
    public static AccessKey keyOf(Card card) {
        Citizen c = card.citizen();
        return AccessKey.fromPersonalNumber(
                c.number(), c.dateOfBirth().format(YYMMDD), c.dateOfExpiry().format(YYMMDD), 9);
    }

    public ChipVerifier verifier() {
        TrustStore trust = TrustStore.fromPem(pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        return new ChipVerifier(trust, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static String nonce() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }
}
