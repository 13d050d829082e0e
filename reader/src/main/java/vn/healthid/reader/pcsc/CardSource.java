package vn.healthid.reader.pcsc;

import net.sf.scuba.smartcards.CardService;
import vn.healthid.reader.error.ReaderException;

/** Where the card is: a PC/SC terminal in production, the emulated chip in tests. */
@FunctionalInterface
public interface CardSource {

    /** {@code readerName} null: the first reader with a card; {@code extendedLength} null: as the card says. */
    CardService connect(String readerName, long waitMillis, Boolean extendedLength) throws ReaderException;

    /** Whether a reader (by name, or any) is connected and has a card, without touching the card. */
    default DeviceStatus status(String readerName) {
        return DeviceStatus.UNKNOWN;
    }

    static CardSource pcsc(Terminals terminals) {
        return new CardSource() {
            @Override
            public CardService connect(String name, long wait, Boolean extended) throws ReaderException {
                return new PcscCardService(terminals.choose(name, wait), extended);
            }

            @Override
            public DeviceStatus status(String readerName) {
                return terminals.status(readerName);
            }
        };
    }
}
