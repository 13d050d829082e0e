package vn.healthid.reader.cli;

import java.io.PrintStream;
import net.sf.scuba.smartcards.CardService;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.CardSource;
import vn.healthid.reader.serve.CardReading;

/** {@code --reader --wait --retries --extended-length}: how every mode reads a card. */
final class CardOptions {

    private CardOptions() {}

    /** The card options as one read: which terminal, how long to wait, retries and block sizes. */
    static CardReading reading(Arguments args, CardSource cards, PrintStream err) throws ReaderException {
        ReaderSettings settings;
        Boolean extended;
        try {
            ReaderSettings.ExtendedLength mode = ReaderSettings.ExtendedLength.valueOf(
                    args.get("extended-length", "auto").toUpperCase(java.util.Locale.ROOT));
            settings = ReaderSettings.defaults()
                    .withRetries(args.integer("retries", ReaderSettings.DEFAULT_RETRIES))
                    .withExtendedLength(mode);
            extended = mode == ReaderSettings.ExtendedLength.AUTO ? null : mode == ReaderSettings.ExtendedLength.ON;
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        }
        String readerName = args.get("reader");
        long wait = args.integer("wait", 10) * 1000L;
        return (key, nonce) -> {
            CardService card = cards.connect(readerName, wait, extended);
            try {
                return new ChipReader(settings).read(card, key, nonce, new ConsoleProgress(err));
            } finally {
                card.close();
            }
        };
    }
}
