package vn.healthid.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthid.identity.chip.Proof;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** {@code cccd-reader read}: what the clerk sees, what lands on disk (and what does not). */
class CccdReaderCommandTest {

    private final Sandbox sandbox = Sandbox.get();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void readWritesABundleThatTheVerifierAccepts() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        String nonce = Sandbox.nonce();
        Path bundle = dir.resolve("bundle.json");

        int exit = command(new EmulatedCardService(card)).run(readArgs(card, nonce, bundle));

        assertThat(exit).as(err()).isZero();
        var result = sandbox.verifier().verify(Files.readAllBytes(bundle), ChipBundle.decodeNonce(nonce));
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        assertThat(Files.list(dir)).containsExactly(bundle);
    }

    @Test
    void wrongBirthDateIsAccessControlFailedInBothLanguagesAndNoFile() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Path bundle = dir.resolve("bundle.json");
        String[] args = readArgs(card, Sandbox.nonce(), bundle);
        args[4] = "010101";

        int exit = command(new EmulatedCardService(card)).run(args);

        assertThat(exit).isEqualTo(4);
        assertThat(err())
                .contains("ACCESS_CONTROL_FAILED")
                .contains("wrong date of birth or expiry for this card: access control failed")
                .contains("sai ngày sinh hoặc ngày hết hạn của thẻ này");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void cardPulledOutMidReadIsCardRemovedAndLeavesNoPartialBundle() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().removeCardAt(20);
        Path bundle = dir.resolve("bundle.json");

        int exit = command(service).run(readArgs(card, Sandbox.nonce(), bundle));

        assertThat(exit).isEqualTo(5);
        assertThat(err()).contains("CARD_REMOVED").contains("card removed while reading");
        assertThat(Files.list(dir)).as("no bundle, no temporary file").isEmpty();
    }

    @Test
    void aFailedReadLeavesAnEarlierBundleUntouched() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, "{\"earlier\":true}");
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().removeCardAt(20);

        command(service).run(readArgs(card, Sandbox.nonce(), bundle));

        assertThat(Files.readString(bundle)).isEqualTo("{\"earlier\":true}");
    }

    @Test
    void neverPrintsCardDataOrKeys() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Path bundle = dir.resolve("bundle.json");

        command(new EmulatedCardService(card)).run(readArgs(card, Sandbox.nonce(), bundle));

        AccessKey key = Sandbox.keyOf(card);
        assertThat(err() + out.toString(StandardCharsets.UTF_8))
                .doesNotContain(card.citizen().number())
                .doesNotContain(key.documentNumber())
                .doesNotContain(key.dateOfBirth())
                .doesNotContainIgnoringCase(card.citizen().fullName());
    }

    @Test
    void refusesTheClientSecretAsAFlag() {
        int exit = command(null).run("grant", "--client-secret", "s3cret", "--realm-url", "http://127.0.0.1/realms/x");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("USAGE").contains("never a flag").doesNotContain("s3cret");
    }

    @Test
    void refusesAMalformedNonceBeforeTouchingTheCard() {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);

        int exit = command(service).run(readArgs(card, "short", dir.resolve("b.json")));

        assertThat(exit).isEqualTo(2);
        assertThat(service.apdus()).isZero();
    }

    private CccdReaderCommand command(EmulatedCardService service) {
        return new CccdReaderCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (name, wait, extended) -> service,
                new HealthidClient(),
                Map.of());
    }

    static String[] readArgs(Card card, String nonce, Path bundle) {
        AccessKey key = Sandbox.keyOf(card);
        return new String[] {
            "read",
            "--mrz-number",
            card.citizen().number(),
            "--birth",
            key.dateOfBirth(),
            "--expiry",
            key.dateOfExpiry(),
            "--nonce",
            nonce,
            "--out",
            bundle.toString()
        };
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
