package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void issueWritesTheTrustFilesTheCardsAndOneCardPerFault() throws Exception {
        int code = run("issue", "--seed", "5", "--count", "2", "--out", dir.toString(), "--faults");
        assertThat(code).isZero();
        assertThat(dir.resolve("trust/csca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(dir.resolve("trust/crl.pem")).content().startsWith("-----BEGIN X509 CRL-----");
        assertThat(Files.readAllBytes(dir.resolve("trust/masterlist.ml"))[0]).isEqualTo((byte) 0x30);
        assertThat(dir.resolve("cards/01.card.json")).exists();
        assertThat(dir.resolve("cards/02.card.json")).exists();
        assertThat(dir.resolve("cards/fault-tampered-dg13.card.json")).exists();
        assertThat(dir.resolve("cards/fault-expired-card.card.json")).exists();
        try (var files = Files.list(dir.resolve("cards"))) {
            assertThat(files.count()).isEqualTo(2 + CardFault.values().length - 1);
        }
        String table = out.toString(StandardCharsets.UTF_8).split("trust store and cards written")[0];
        assertThat(table).containsPattern("\\d{3}\\*{6}\\d{2}").doesNotContainPattern("\\d{12}");
    }

    @Test
    void readWritesTheBundleAnsweringTheNonce() throws Exception {
        assertThat(run("issue", "--seed", "5", "--count", "1", "--out", dir.toString()))
                .isZero();
        Path bundle = dir.resolve("bundle.json");
        int code = run(
                "read",
                "--card",
                dir.resolve("cards/01.card.json").toString(),
                "--nonce",
                "q3J8m5bV0nW0yH1bTq8ZkA",
                "--out",
                bundle.toString());
        assertThat(code).isZero();
        assertThat(bundle).content().contains("healthid-chip-bundle/1", "q3J8m5bV0nW0yH1bTq8ZkA", "aaSignature");
    }

    @Test
    void badArgumentsExitWithTwoAndAUsageMessage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("issue", "--seed", "x", "--count", "1", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(run("issue", "--count", "1", "--out", dir.toString())).isEqualTo(2);
        assertThat(run("issue", "--seed", "1", "--count", "1", "--out", dir.toString(), "--scheme", "MD5"))
                .isEqualTo(2);
        assertThat(run("read", "--card", dir.resolve("missing.json").toString(), "--nonce", "q3J8m5bV0nW0yH1bTq8ZkA"))
                .isEqualTo(2);
        assertThat(run("read", "--card", "x", "--nonce", "short")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        String messages = err.toString(StandardCharsets.UTF_8);
        assertThat(messages).contains("usage:", "--seed must be a whole number", "unknown --scheme MD5");
        assertThat(messages).doesNotContain("Exception", "\tat ");
    }

    private int run(String... args) {
        return CardsCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
