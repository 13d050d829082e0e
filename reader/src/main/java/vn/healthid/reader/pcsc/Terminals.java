package vn.healthid.reader.pcsc;

import java.util.List;
import java.util.Locale;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * Chooses the PC/SC terminal: the one whose name contains the given text, or else the first with a card (waiting up
 * to the given time for one). The JDK's factory is "None" when it finds no PC/SC library (on Debian: libpcsclite1),
 * and lists no terminal when pcscd is not running or no reader is plugged in: all of these are NO_READER.
 */
public final class Terminals {

    private final TerminalFactory factory;

    public Terminals(TerminalFactory factory) {
        this.factory = factory;
    }

    public static Terminals system() {
        return new Terminals(TerminalFactory.getDefault());
    }

    public CardTerminal choose(String name, long waitMillis) throws ReaderException {
        List<CardTerminal> all = list();
        if (name != null) {
            String wanted = name.toLowerCase(Locale.ROOT);
            CardTerminal named = all.stream()
                    .filter(t -> t.getName().toLowerCase(Locale.ROOT).contains(wanted))
                    .findFirst()
                    .orElseThrow(() -> new ReaderException(ReaderError.READER_NOT_FOUND, name));
            return waitForCard(List.of(named), waitMillis);
        }
        return waitForCard(all, waitMillis);
    }

    /** The named (or first) reader and whether it has a card; a reader with a card is preferred. */
    public DeviceStatus status(String name) {
        try {
            List<CardTerminal> all = list();
            String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
            List<CardTerminal> matching = all.stream()
                    .filter(t -> t.getName().toLowerCase(Locale.ROOT).contains(wanted))
                    .toList();
            if (matching.isEmpty()) {
                return DeviceStatus.absent(ReaderError.READER_NOT_FOUND);
            }
            for (CardTerminal terminal : matching) {
                if (terminal.isCardPresent()) {
                    return DeviceStatus.present(terminal.getName(), true);
                }
            }
            return DeviceStatus.present(matching.get(0).getName(), false);
        } catch (ReaderException e) {
            return DeviceStatus.absent(e.error());
        } catch (CardException e) {
            return DeviceStatus.absent(ReaderError.NO_READER);
        }
    }

    private List<CardTerminal> list() throws ReaderException {
        if ("None".equals(factory.getType())) {
            throw new ReaderException(ReaderError.NO_READER, "no PC/SC library (install libpcsclite1)");
        }
        try {
            List<CardTerminal> all = factory.terminals().list();
            if (all.isEmpty()) {
                throw new ReaderException(ReaderError.NO_READER);
            }
            return all;
        } catch (CardException e) {
            throw new ReaderException(ReaderError.NO_READER, "PC/SC: is pcscd running?", e);
        }
    }

    private static CardTerminal waitForCard(List<CardTerminal> terminals, long waitMillis) throws ReaderException {
        long deadline = System.currentTimeMillis() + Math.max(0, waitMillis);
        try {
            while (true) {
                for (CardTerminal terminal : terminals) {
                    if (terminal.isCardPresent()) {
                        return terminal;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new ReaderException(ReaderError.NO_CARD);
                }
                // one terminal: block on it; several: poll each in short steps
                if (terminals.size() == 1) {
                    terminals.get(0).waitForCardPresent(left);
                } else {
                    Thread.sleep(Math.min(left, 200));
                }
            }
        } catch (CardException e) {
            throw new ReaderException(ReaderError.NO_READER, "PC/SC", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderException(ReaderError.NO_CARD);
        }
    }
}
