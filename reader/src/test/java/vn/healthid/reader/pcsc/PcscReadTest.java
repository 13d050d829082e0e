package vn.healthid.reader.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadProgress;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedChip;

/** The PC/SC path (terminal choice, PcscCardService over javax.smartcardio) against emulated terminals. */
class PcscReadTest {

    private final Sandbox sandbox = Sandbox.get();

    @Test
    void readsTheCardOfTheFirstTerminalWithACardThroughJavaxSmartcardio() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Terminals terminals = new Terminals(new EmulatedTerminals()
                .add("ACS ACR1252 PICC 00", null)
                .add("Identiv uTrust 3700 F 01", new EmulatedChip(card))
                .factory());
        CardTerminal terminal = terminals.choose(null, 0);
        PcscCardService service = new PcscCardService(terminal, null);

        ChipRead read = new ChipReader(ReaderSettings.defaults())
                .read(service, Sandbox.keyOf(card), new byte[16], ReadProgress.NONE);

        assertThat(terminal.getName()).startsWith("Identiv");
        assertThat(service.isExtendedAPDULengthSupported()).isTrue();
        card.files()
                .forEach((name, bytes) ->
                        assertThat(read.files().get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void choosesTheTerminalByName() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Terminals terminals = new Terminals(new EmulatedTerminals()
                .add("ACS ACR1252 PICC 00", new EmulatedChip(card))
                .add("Identiv uTrust 3700 F 01", new EmulatedChip(card))
                .factory());

        assertThat(terminals.choose("utrust", 0).getName()).startsWith("Identiv");
    }

    @Test
    void noTerminalAtAllIsNoReader() {
        Terminals terminals = new Terminals(new EmulatedTerminals().factory());

        assertThatThrownBy(() -> terminals.choose(null, 0))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.NO_READER));
    }

    @Test
    void anEmptyReaderIsNoCardAndAnUnknownNameIsReaderNotFound() {
        Terminals terminals = new Terminals(
                new EmulatedTerminals().add("ACS ACR1252 PICC 00", null).factory());

        assertThatThrownBy(() -> terminals.choose(null, 0))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.NO_CARD));
        assertThatThrownBy(() -> terminals.choose("omnikey", 0))
                .isInstanceOfSatisfying(
                        ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.READER_NOT_FOUND));
    }

    @Test
    void readsExtendedLengthFromTheAtrsCardCapabilities() {
        assertThat(AtrCapabilities.extendedLength(EmulatedTerminals.ATR_EXTENDED))
                .isTrue();
        byte[] withoutExtended = EmulatedTerminals.ATR_EXTENDED.clone();
        withoutExtended[8] = (byte) 0x80;
        assertThat(AtrCapabilities.extendedLength(withoutExtended)).isFalse();
        // a contact card's ATR without capabilities in its historical bytes
        assertThat(AtrCapabilities.extendedLength(new byte[] {0x3B, 0x02, 0x14, 0x50}))
                .isFalse();
    }
}
