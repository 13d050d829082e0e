package vn.healthid.reader.chip;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/** Counts APDUs and bytes (as transmitted, after secure messaging) through any card service. */
final class CountingCardService extends CardService {

    private final CardService card;
    private int apdus;
    private long commandBytes;
    private long responseBytes;

    CountingCardService(CardService card) {
        this.card = card;
    }

    @Override
    public void open() throws CardServiceException {
        card.open();
    }

    @Override
    public boolean isOpen() {
        return card.isOpen();
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        apdus++;
        commandBytes += command.getBytes().length;
        ResponseAPDU response = card.transmit(command);
        responseBytes += response.getBytes().length;
        return response;
    }

    @Override
    public byte[] getATR() throws CardServiceException {
        return card.getATR();
    }

    @Override
    public boolean isExtendedAPDULengthSupported() {
        return card.isExtendedAPDULengthSupported();
    }

    @Override
    public void close() {
        card.close();
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return card.isConnectionLost(e);
    }

    /** The counters now, with the time since {@code startNanos}; subtract an earlier mark for one phase. */
    ReadStats.Phase mark(long startNanos) {
        return new ReadStats.Phase(apdus, commandBytes, responseBytes, System.nanoTime() - startNanos);
    }

    static ReadStats.Phase between(ReadStats.Phase start, ReadStats.Phase end) {
        return new ReadStats.Phase(
                end.apdus() - start.apdus(),
                end.commandBytes() - start.commandBytes(),
                end.responseBytes() - start.responseBytes(),
                end.nanos() - start.nanos());
    }
}
