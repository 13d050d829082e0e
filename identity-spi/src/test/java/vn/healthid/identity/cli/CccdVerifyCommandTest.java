package vn.healthid.identity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardFault;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CccdVerifyCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private final SandboxPki pki = SandboxPki.generate(37, SignatureScheme.ECDSA_P256_SHA256, NOW);
    private final Citizen citizen = Population.generate(37, 20, LocalDate.of(2026, 6, 1)).stream()
            .filter(c -> c.dateOfExpiry() != null)
            .findFirst()
            .orElseThrow();
    private final String nonce = nonce();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CccdVerifyCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .run(args);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path bundle(CardFault fault) throws IOException {
        Card card = new CardIssuer(pki).issue(citizen, CardSpec.defaults().withFault(fault));
        return write("bundle.json", card.bundleJson(nonce).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifiedBundleExitsZeroAndPrintsEveryCheckAndTheMaskedNumber() throws IOException {
        Path trust = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));

        int exit = run(
                "verify",
                "--trust",
                trust.toString(),
                "--nonce",
                nonce,
                bundle(CardFault.NONE).toString());

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(text)
                .contains("CHALLENGE", "DATA_GROUP_HASHES", "SOD_SIGNATURE", "CERTIFICATE_CHAIN", "CONSISTENCY")
                .contains("proof: PASSIVE_AND_ACTIVE")
                .contains("citizen: " + citizen.number().substring(0, 4) + "******"
                        + citizen.number().substring(10))
                .doesNotContain(citizen.number());
    }

    @Test
    void masterListAndCrlFilesAreRecognisedByContent() throws IOException {
        Path list = write("csca.bin", pki.masterList());
        Path crl = write("csca.crl", pki.crlPem().getBytes(StandardCharsets.US_ASCII));

        int exit = run(
                "--trust",
                list.toString(),
                "--crl",
                crl.toString(),
                "--nonce",
                nonce,
                bundle(CardFault.REVOKED_DS).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("DS_REVOKED").contains("proof: NONE");
    }

    @Test
    void severalTrustFilesAreMerged() throws IOException {
        Path pem = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        Path list = write("csca.ml", pki.masterList());

        int exit = run(
                "--trust",
                pem.toString(),
                "--trust",
                list.toString(),
                "--nonce",
                nonce,
                bundle(CardFault.NONE).toString());

        assertThat(exit).isZero();
    }

    @Test
    void tamperedBundleExitsOneWithTheReason() throws IOException {
        Path trust = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));

        int exit = run(
                "--trust",
                trust.toString(),
                "--nonce",
                nonce,
                bundle(CardFault.TAMPERED_DG13).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("DG_HASH_MISMATCH")
                .doesNotContain("NOT_CHECKED")
                .contains("citizen: (none: not verified)");
    }

    @Test
    void wrongNonceExitsOne() throws IOException {
        Path trust = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));

        int exit = run(
                "--trust",
                trust.toString(),
                "--nonce",
                nonce(),
                bundle(CardFault.NONE).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CHALLENGE_MISMATCH");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path trust = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        Path bundle = bundle(CardFault.NONE);

        assertThat(run("--nonce", nonce, bundle.toString())).isEqualTo(2);
        assertThat(run("--trust", trust.toString(), bundle.toString())).isEqualTo(2);
        assertThat(run("--trust", trust.toString(), "--nonce", "***", bundle.toString()))
                .isEqualTo(2);
        assertThat(run("--trust", trust.toString(), "--nonce", "c2hvcnQ", bundle.toString()))
                .isEqualTo(2);
        assertThat(run("--trust", trust.toString(), "--nonce", nonce)).isEqualTo(2);
        assertThat(run("--trust", trust.toString(), "--bogus", "--nonce", nonce, bundle.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: cccd verify");
    }

    @Test
    void unusableTrustOrMissingFilesExitTwo() throws IOException {
        Path garbage = write(
                "garbage.pem",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        Path bundle = bundle(CardFault.NONE);

        assertThat(run("--trust", garbage.toString(), "--nonce", nonce, bundle.toString()))
                .isEqualTo(2);
        assertThat(run("--trust", dir.resolve("absent.pem").toString(), "--nonce", nonce, bundle.toString()))
                .isEqualTo(2);
        Path trust = write("trust.pem", pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        assertThat(run(
                        "--trust",
                        trust.toString(),
                        "--nonce",
                        nonce,
                        dir.resolve("absent.json").toString()))
                .isEqualTo(2);
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
