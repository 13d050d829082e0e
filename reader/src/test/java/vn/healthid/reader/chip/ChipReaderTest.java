package vn.healthid.reader.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.chip.VerificationResult;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** The reader core through JMRTD's terminal code against the emulated chip; bundles checked by healthid's verifier. */
class ChipReaderTest {

    private final Sandbox sandbox = Sandbox.get();
    private final ChipReader reader = new ChipReader(ReaderSettings.defaults());

    @Test
    void readsEveryFileByteIdenticalToTheCard() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());

        ChipRead read = reader.read(new EmulatedCardService(card), Sandbox.keyOf(card), nonce(), ReadProgress.NONE);

        assertThat(read.files().keySet())
                .containsExactlyInAnyOrderElementsOf(card.files().keySet());
        card.files()
                .forEach((name, bytes) ->
                        assertThat(read.files().get(name)).as(name).isEqualTo(bytes));
        assertThat(read.protocol()).isEqualTo("BAC");
        assertThat(read.stats().sessions()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = AaKey.class,
            names = {"RSA_2048_SHA256", "RSA_1024_SHA1", "EC_P256_SHA256"})
    void bundleOfAnAaCardReachesPassiveAndActiveInTheVerifier(AaKey aaKey) throws Exception {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(aaKey));
        String challenge = Sandbox.nonce();

        ChipRead read = reader.read(
                new EmulatedCardService(card),
                Sandbox.keyOf(card),
                ChipBundle.decodeNonce(challenge),
                ReadProgress.NONE);
        VerificationResult result =
                sandbox.verifier().verify(ChipBundle.json(challenge, read), ChipBundle.decodeNonce(challenge));

        assertThat(read.aaSignature()).isPresent();
        assertThat(result.verified()).as(result.checks().toString()).isTrue();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
    }

    @Test
    void cardWithoutDg15GivesABundleWithoutAaThatIsPassiveOnly() throws Exception {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE));
        String challenge = Sandbox.nonce();

        ChipRead read = reader.read(
                new EmulatedCardService(card),
                Sandbox.keyOf(card),
                ChipBundle.decodeNonce(challenge),
                ReadProgress.NONE);
        VerificationResult result =
                sandbox.verifier().verify(ChipBundle.json(challenge, read), ChipBundle.decodeNonce(challenge));

        assertThat(read.aaSignature()).isEmpty();
        assertThat(read.stats().activeAuthentication().apdus()).isZero();
        assertThat(result.proof()).isEqualTo(Proof.PASSIVE_ONLY);
    }

    @Test
    void refusesWrongDateOfBirthWithAccessControlFailedAndNoRetry() {
        Card card = sandbox.card(CardSpec.defaults());
        AccessKey right = Sandbox.keyOf(card);
        AccessKey wrongBirth = new AccessKey(right.documentNumber(), "010101", right.dateOfExpiry(), null);
        EmulatedCardService service = new EmulatedCardService(card);

        assertThatThrownBy(() -> reader.read(service, wrongBirth, nonce(), ReadProgress.NONE))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.ACCESS_CONTROL_FAILED));
        // SELECT, GET CHALLENGE, MUTUAL AUTHENTICATE twice (JMRTD repeats it once): one session, no file read.
        assertThat(service.apdus()).isLessThanOrEqualTo(5);
    }

    @Test
    void refusesWrongExpiryAndWrongNumberWithAccessControlFailed() {
        Card card = sandbox.card(CardSpec.defaults());
        AccessKey right = Sandbox.keyOf(card);
        for (AccessKey wrong : List.of(
                new AccessKey(right.documentNumber(), right.dateOfBirth(), "991231", null),
                new AccessKey("000000000", right.dateOfBirth(), right.dateOfExpiry(), null))) {
            assertThatThrownBy(() -> reader.read(new EmulatedCardService(card), wrong, nonce(), ReadProgress.NONE))
                    .isInstanceOfSatisfying(
                            ReaderException.class,
                            e -> assertThat(e.error()).isEqualTo(ReaderError.ACCESS_CONTROL_FAILED));
        }
    }

    @Test
    void cardPulledOutMidReadGivesCardRemoved() {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().removeCardAt(12);

        assertThatThrownBy(() -> reader.read(service, Sandbox.keyOf(card), nonce(), ReadProgress.NONE))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.CARD_REMOVED));
    }

    @Test
    void refusesTamperedCommandMacsWithSecureMessagingFailed() {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().tamperCommandMacsFrom(4);

        assertThatThrownBy(() -> reader.read(service, Sandbox.keyOf(card), nonce(), ReadProgress.NONE))
                .isInstanceOfSatisfying(
                        ReaderException.class,
                        e -> assertThat(e.error()).isEqualTo(ReaderError.SECURE_MESSAGING_FAILED));
        // every session's first protected command was refused by the chip (6988): first try and both retries
        assertThat(service.chip().refusedMacs()).isEqualTo(1 + ReaderSettings.DEFAULT_RETRIES);
    }

    @Test
    void refusesATamperedResponseMacAndReadsAgainInANewSession() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().tamperResponseMacAt(6);

        ChipRead read = reader.read(service, Sandbox.keyOf(card), nonce(), ReadProgress.NONE);

        assertThat(read.stats().sessions()).isEqualTo(2);
        card.files()
                .forEach((name, bytes) ->
                        assertThat(read.files().get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void lostApduIsRetriedInANewSessionKeepingTheFilesAlreadyRead() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().loseApdu(15);

        ChipRead read = reader.read(service, Sandbox.keyOf(card), nonce(), ReadProgress.NONE);

        assertThat(read.stats().sessions()).isEqualTo(2);
        card.files()
                .forEach((name, bytes) ->
                        assertThat(read.files().get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void readsWithShortApdusWhenTheTerminalHasNoExtendedLength() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        ChipRead extended = reader.read(new EmulatedCardService(card), Sandbox.keyOf(card), nonce(), ReadProgress.NONE);

        ChipRead shortOnly = reader.read(
                new EmulatedCardService(card).withExtendedLength(false),
                Sandbox.keyOf(card),
                nonce(),
                ReadProgress.NONE);

        assertThat(shortOnly.files().get("DG2")).isEqualTo(card.files().get("DG2"));
        assertThat(shortOnly.stats().files().apdus())
                .isGreaterThan(extended.stats().files().apdus());
    }

    @Test
    void reportsProgressWithFileNamesOnly() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        List<String> seen = new ArrayList<>();

        reader.read(new EmulatedCardService(card), Sandbox.keyOf(card), nonce(), (step, file, done, total) -> {
            if (step == ReadProgress.Step.READING && done == total && total > 0) {
                seen.add(file);
            }
        });

        assertThat(seen).containsExactlyInAnyOrderElementsOf(card.files().keySet());
    }

    private static byte[] nonce() {
        return ChipBundle.decodeNonce(Sandbox.nonce());
    }
}
