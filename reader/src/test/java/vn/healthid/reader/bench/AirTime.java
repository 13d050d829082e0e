package vn.healthid.reader.bench;

import java.util.ArrayList;
import java.util.List;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/**
 * Bytes on the air for the APDUs of one read, over ISO/IEC 14443-4 type A: every APDU travels in I-blocks of at most
 * FSC = FSD = 256 bytes (PCB 1 + INF up to 253 + CRC 2), a chained block is acknowledged by an R-block (PCB + CRC,
 * 3 bytes), every byte is 8 data bits and a parity bit (ISO/IEC 14443-3), and each frame waits the minimum frame
 * delay time (1172/fc = 86.4 µs at every rate). The chip's own computing time is not in these figures.
 */
final class AirTime extends CardService {

    static final int FRAME_INF = 253;
    static final double FDT_SECONDS = 1172 / 13.56e6;

    private final CardService card;
    final List<int[]> exchanges = new ArrayList<>();

    AirTime(CardService card) {
        this.card = card;
    }

    /** {bytes on the air, frames} of all exchanges. */
    long[] air() {
        long bytes = 0;
        long frames = 0;
        for (int[] exchange : exchanges) {
            for (int apdu : exchange) {
                int blocks = (apdu + FRAME_INF - 1) / FRAME_INF;
                bytes += apdu + 3L * blocks + 3L * (blocks - 1);
                frames += blocks + (blocks - 1);
            }
        }
        return new long[] {bytes, frames};
    }

    static double seconds(long[] air, double bitsPerSecond) {
        return air[0] * 9 / bitsPerSecond + air[1] * FDT_SECONDS;
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
        ResponseAPDU response = card.transmit(command);
        exchanges.add(new int[] {command.getBytes().length, response.getBytes().length});
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
}
