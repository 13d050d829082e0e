package vn.healthid.sandbox.cards.chip;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import vn.healthid.sandbox.cards.Card;

/**
 * The emulated chip below JMRTD: a scuba {@link CardService} whose transmit goes to an {@link EmulatedChip}, so a
 * reader's own code runs unchanged. It counts APDUs and bytes, and it can misbehave as a field does: the card pulled
 * out after N APDUs, one APDU lost in transit, a command's or a response's MAC altered on the way.
 */
public final class EmulatedCardService extends CardService {

    private static final byte[] ATR = {
        0x3B, (byte) 0x88, (byte) 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09
    };

    private final EmulatedChip chip;
    private final ChannelFaults faults = new ChannelFaults();
    private boolean open;
    private boolean removed;
    private boolean extendedLength = true;
    private int apdus;
    private long commandBytes;
    private long responseBytes;

    public EmulatedCardService(Card card) {
        this.chip = new EmulatedChip(card);
    }

    /** The chip behind this service (its counters). */
    public EmulatedChip chip() {
        return chip;
    }

    /** Faults to inject, by APDU number (1 = the first APDU this service transmits). */
    public ChannelFaults faults() {
        return faults;
    }

    /** Whether the terminal accepts extended-length APDUs (default yes). */
    public EmulatedCardService withExtendedLength(boolean supported) {
        this.extendedLength = supported;
        return this;
    }

    @Override
    public void open() throws CardServiceException {
        if (removed) {
            throw new CardServiceException("no card in the field");
        }
        open = true;
        state = SESSION_STARTED_STATE;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        if (removed || !open) {
            throw new CardServiceException(removed ? "card removed" : "card service not open");
        }
        apdus++;
        if (faults.removesAt(apdus)) {
            removed = true;
            open = false;
            chip.reset();
            throw new CardServiceException("card removed");
        }
        if (faults.losesAt(apdus)) {
            throw new CardServiceException("transmission error");
        }
        byte[] bytes = command.getBytes();
        if (faults.tampersCommandAt(apdus)) {
            bytes = ChannelFaults.flipMac(bytes, true);
        }
        commandBytes += bytes.length;
        byte[] answer = chip.process(bytes);
        if (faults.tampersResponseAt(apdus)) {
            answer = ChannelFaults.flipMac(answer, false);
        }
        responseBytes += answer.length;
        return new ResponseAPDU(answer);
    }

    @Override
    public byte[] getATR() {
        return ATR.clone();
    }

    @Override
    public boolean isExtendedAPDULengthSupported() {
        return extendedLength;
    }

    @Override
    public void close() {
        open = false;
        state = SESSION_STOPPED_STATE;
        chip.reset();
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return removed;
    }

    public boolean isCardPresent() {
        return !removed;
    }

    public int apdus() {
        return apdus;
    }

    public long commandBytes() {
        return commandBytes;
    }

    public long responseBytes() {
        return responseBytes;
    }
}
