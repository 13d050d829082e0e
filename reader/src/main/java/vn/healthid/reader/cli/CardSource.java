package vn.healthid.reader.cli;

import net.sf.scuba.smartcards.CardService;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.PcscCardService;
import vn.healthid.reader.pcsc.Terminals;

/** Where the card is: a PC/SC terminal in production, the emulated chip in tests. */
@FunctionalInterface
interface CardSource {

    /** {@code readerName} null: the first reader with a card; {@code extendedLength} null: as the card says. */
    CardService connect(String readerName, long waitMillis, Boolean extendedLength) throws ReaderException;

    static CardSource pcsc(Terminals terminals) {
        return (name, wait, extended) -> new PcscCardService(terminals.choose(name, wait), extended);
    }
}
