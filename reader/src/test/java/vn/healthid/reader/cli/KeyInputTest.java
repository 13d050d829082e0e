package vn.healthid.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthid.identity.chip.Proof;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** The key on the command line: the pasted MRZ lines, the front QR code, and the question when its expiry is wrong. */
class KeyInputTest {

    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");
    private final Sandbox sandbox = Sandbox.get();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void thePastedMrzLinesOpenTheChip() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        String lines = new DG1File(new java.io.ByteArrayInputStream(card.files().get("DG1")))
                .getMRZInfo()
                .toString()
                .strip()
                .replace("\n", "\\n");
        String nonce = Sandbox.nonce();
        Path bundle = dir.resolve("b.json");

        int exit = command(new EmulatedCardService(card), InputStream.nullInputStream())
                .run("read", "--mrz-lines", lines, "--nonce", nonce, "--out", bundle.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(sandbox.verifier()
                        .verify(Files.readAllBytes(bundle), ChipBundle.decodeNonce(nonce))
                        .proof())
                .isEqualTo(Proof.PASSIVE_AND_ACTIVE);
    }

    @Test
    void mrzLinesWithABadCheckDigitAreRefusedBeforeTheCardIsTouched() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        String lines = new DG1File(new java.io.ByteArrayInputStream(card.files().get("DG1")))
                .getMRZInfo()
                .toString()
                .strip();
        char[] chars = lines.toCharArray();
        chars[14] = chars[14] == '0' ? '1' : '0'; // the document number's check digit
        EmulatedCardService service = new EmulatedCardService(card);

        int exit = command(service, InputStream.nullInputStream())
                .run("read", "--mrz-lines", new String(chars), "--nonce", Sandbox.nonce(), "--out", "x.json");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("MRZ_INVALID").contains("check digit of the document number");
        assertThat(service.apdus()).isZero();
    }

    @Test
    void theQrCodeOpensTheChipWithTheExpiryDerivedFromItsDateOfIssue() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Path bundle = dir.resolve("b.json");

        int exit = command(new EmulatedCardService(card), InputStream.nullInputStream())
                .run("read", "--qr", qr(card.citizen(), null), "--nonce", Sandbox.nonce(), "--out", bundle.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(bundle).exists();
    }

    @Test
    void whenTheDerivedExpiryFailsTheClerkIsAskedForThePrintedOne() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Citizen c = card.citizen();
        String printed = c.dateOfExpiry().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Path bundle = dir.resolve("b.json");
        InputStream clerk = new ByteArrayInputStream((printed + "\n").getBytes(StandardCharsets.UTF_8));

        int exit = command(new EmulatedCardService(card), clerk)
                .run("read", "--qr", qr(c, wrongIssue(c)), "--nonce", Sandbox.nonce(), "--out", bundle.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(err()).contains("the QR code has no expiry").doesNotContain(printed);
        assertThat(bundle).exists();
    }

    @Test
    void withoutAnAnswerTheReadEndsWithExpiryNeededAndNoBundle() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Path bundle = dir.resolve("b.json");

        int exit = command(new EmulatedCardService(card), InputStream.nullInputStream())
                .run(
                        "read",
                        "--qr",
                        qr(card.citizen(), wrongIssue(card.citizen())),
                        "--nonce",
                        Sandbox.nonce(),
                        "--out",
                        bundle.toString());

        assertThat(exit).isEqualTo(4);
        assertThat(err()).contains("EXPIRY_NEEDED").contains("type the expiry printed on the card");
        assertThat(Files.list(dir)).isEmpty();
    }

    /** A QR code saying the card was issued at 59: the rule derives "no expiry", which this card does not have. */
    private static String wrongIssue(Citizen c) {
        return c.dateOfBirth().plusYears(59).format(DDMMYYYY);
    }

    private static String qr(Citizen c, String issue) {
        return c.number() + "||NGUYEN VAN A|" + c.dateOfBirth().format(DDMMYYYY) + "|Nam|Ha Noi|"
                + (issue == null ? c.dateOfIssue().format(DDMMYYYY) : issue);
    }

    private CccdReaderCommand command(EmulatedCardService service, InputStream in) {
        return new CccdReaderCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (name, wait, extended) -> service,
                new HealthidClient(),
                Map.of(),
                in);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
