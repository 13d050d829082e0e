package vn.healthid.reader.pcsc;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/**
 * A scuba {@link CardService} over a PC/SC terminal (javax.smartcardio; on Linux pcsc-lite). Closing resets the
 * card, so a new session starts from a fresh chip state. Extended length is taken from the card's ATR (see
 * {@link AtrCapabilities}) unless the caller decides.
 */
public final class PcscCardService extends CardService {

    private final CardTerminal terminal;
    private final Boolean extendedLength;
    private Card card;
    private CardChannel channel;
    private byte[] atr;

    /** {@code extendedLength} null: as the ATR says. */
    public PcscCardService(CardTerminal terminal, Boolean extendedLength) {
        this.terminal = terminal;
        this.extendedLength = extendedLength;
    }

    @Override
    public synchronized void open() throws CardServiceException {
        if (channel != null) {
            return;
        }
        try {
            card = terminal.connect("*");
            channel = card.getBasicChannel();
            atr = card.getATR().getBytes();
            state = SESSION_STARTED_STATE;
        } catch (CardException e) {
            throw new CardServiceException("cannot connect to the card", e);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return channel != null;
    }

    @Override
    public synchronized ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        if (channel == null) {
            throw new CardServiceException("card service not open");
        }
        try {
            byte[] answer = channel.transmit(new javax.smartcardio.CommandAPDU(command.getBytes()))
                    .getBytes();
            return new ResponseAPDU(answer);
        } catch (CardException | IllegalStateException e) {
            throw new CardServiceException("transmission failed", e);
        }
    }

    @Override
    public synchronized byte[] getATR() {
        return atr == null ? null : atr.clone();
    }

    @Override
    public boolean isExtendedAPDULengthSupported() {
        if (extendedLength != null) {
            return extendedLength;
        }
        return atr != null && AtrCapabilities.extendedLength(atr);
    }

    @Override
    public synchronized void close() {
        if (card != null) {
            try {
                card.disconnect(true);
            } catch (CardException | IllegalStateException e) {
                // the card is gone or already reset: nothing to release
            }
        }
        card = null;
        channel = null;
        state = SESSION_STOPPED_STATE;
    }

    /** The card left the field: the terminal says so, or PC/SC reported removal. */
    @Override
    public boolean isConnectionLost(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SCARD_W_REMOVED_CARD") || message.contains("SCARD_E_NO_SMARTCARD")) {
            return true;
        }
        if (!(e instanceof CardException) && !(e.getCause() instanceof CardException)) {
            return false;
        }
        try {
            return !terminal.isCardPresent();
        } catch (CardException ignored) {
            return true;
        }
    }
}
