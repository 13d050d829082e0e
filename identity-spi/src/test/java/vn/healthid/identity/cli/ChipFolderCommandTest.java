package vn.healthid.identity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

/** {@code cccd verify} on a folder of raw chip files, as other tools dump them (issue 13 item 5). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChipFolderCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private final SandboxPki pki = SandboxPki.generate(37, SignatureScheme.ECDSA_P256_SHA256, NOW);
    private final Citizen citizen = Population.generate(37, 20, LocalDate.of(2026, 6, 1)).stream()
            .filter(c -> c.dateOfExpiry() != null)
            .findFirst()
            .orElseThrow();
    private final Card card =
            new CardIssuer(pki).issue(citizen, CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
    private final byte[] nonce = new byte[16];

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ChipFolderCommandTest() {
        new SecureRandom().nextBytes(nonce);
    }

    private String nonceText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    private byte[] aaSignature() throws IOException {
        String json = card.bundleJson(nonceText());
        return Base64.getDecoder()
                .decode(new ObjectMapper().readTree(json).get("aaSignature").asText());
    }

    /** Writes the card's files under the given names (bundle name to file name), and the AA signature. */
    private Path folder(Map<String, String> names, String aaName) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("chip"));
        names.forEach((file, name) -> write(folder.resolve(name), card.files().get(file)));
        write(folder.resolve(aaName), aaSignature());
        return folder;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> dumpNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("COM", "EF_COM.bin");
        names.put("SOD", "EF_SOD.bin");
        names.put("DG1", "DG1.bin");
        names.put("DG2", "DG2.bin");
        names.put("DG13", "DG13.bin");
        names.put("DG14", "DG14.bin");
        names.put("DG15", "DG15.bin");
        return names;
    }

    private int run(String... args) throws IOException {
        Path trust = Files.write(dir.resolve("trust.pem"), pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        String[] full = new String[args.length + 3];
        full[0] = "verify";
        full[1] = "--trust";
        full[2] = trust.toString();
        System.arraycopy(args, 0, full, 3, args.length);
        return new CccdVerifyCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .run(full);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifiesAFolderOfRawFilesUnderCommonDumpNames() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");

        int exit = run("--nonce", nonceText(), folder.toString());

        assertThat(exit).isZero();
        assertThat(output())
                .contains("SOD_SIGNATURE", "ACTIVE_AUTHENTICATION", "CONSISTENCY")
                .contains("proof: PASSIVE_AND_ACTIVE")
                .doesNotContain("failed:")
                .doesNotContain(citizen.number());
    }

    @Test
    void acceptsOtherSpellingsInAnyCaseAndTheNonceFromTheFolder() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("COM", "EF.COM");
        names.put("SOD", "sod.BIN");
        names.put("DG1", "ef.dg1");
        names.put("DG2", "0102.bin");
        names.put("DG13", "Dg13");
        names.put("DG14", "dg14.der");
        names.put("DG15", "EF_DG15.bin");
        Path folder = folder(names, "aa-signature.bin");
        write(folder.resolve("nonce.bin"), nonce);
        write(folder.resolve("DG11.bin"), new byte[] {0x6B, 0x00});

        int exit = run(folder.toString());

        assertThat(exit).isZero();
        assertThat(output()).contains("ignored file: DG11.bin").contains("proof: PASSIVE_AND_ACTIVE");
    }

    @Test
    void readsTheNonceAsBase64UrlText() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");
        write(folder.resolve("nonce.txt"), (nonceText() + "\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(run(folder.toString())).isZero();
    }

    @Test
    void aCardAskedAnotherNonceThanIssuedIsAChallengeMismatch() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");
        write(folder.resolve("nonce.bin"), nonce);
        byte[] issued = nonce.clone();
        issued[0] ^= 0x01;

        int exit = run("--nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(issued), folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("CHALLENGE_MISMATCH").contains("AA_SIGNATURE_INVALID");
    }

    @Test
    void tamperedFolderExitsOneAndListsEveryFailure() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");
        byte[] dg2 = card.files().get("DG2").clone();
        dg2[dg2.length - 1] ^= 0x01;
        write(folder.resolve("DG2.bin"), dg2);

        int exit = run("--nonce", nonceText(), folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("failed: DATA_GROUP_HASHES DG_HASH_MISMATCH")
                .contains("proof: NONE");
    }

    @Test
    void missingSodExitsTwoNamingTheAcceptedNames() throws IOException {
        Map<String, String> names = dumpNames();
        names.remove("SOD");
        Path folder = folder(names, "AA_SIGNATURE.bin");

        assertThat(run("--nonce", nonceText(), folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the folder has no SOD file")
                .contains("ef_sod");
    }

    @Test
    void unreadableOrEmptyFileExitsTwoNamingIt() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");
        Files.delete(folder.resolve("DG2.bin"));
        Files.createSymbolicLink(folder.resolve("DG2.bin"), folder.resolve("absent"));

        assertThat(run("--nonce", nonceText(), folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read DG2.bin");

        Files.delete(folder.resolve("DG2.bin"));
        Files.write(folder.resolve("DG2.bin"), new byte[0]);
        assertThat(run("--nonce", nonceText(), folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DG2.bin is empty");
    }

    @Test
    void twoFilesForOneChipFileExitTwo() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");
        write(folder.resolve("SOD.bin"), card.files().get("SOD"));

        assertThat(run("--nonce", nonceText(), folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("two files for SOD");
    }

    @Test
    void folderWithoutANonceNeedsTheOption() throws IOException {
        Path folder = folder(dumpNames(), "AA_SIGNATURE.bin");

        assertThat(run(folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--nonce is required");
    }
}
