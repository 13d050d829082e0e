package vn.healthid.reader.pcsc;

import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;
import vn.healthid.sandbox.cards.chip.EmulatedChip;

/**
 * A javax.smartcardio provider whose terminals hold emulated chips: the reader's PC/SC code (terminal choice,
 * {@link PcscCardService}) runs unchanged above it. A terminal without a chip is an empty reader.
 */
public final class EmulatedTerminals extends CardTerminals {

    /** An ISO 14443-4 type A ATR as PC/SC part 3 builds it, historical bytes 80 73 C0 21 C0 (extended length). */
    public static final byte[] ATR_EXTENDED = {
        0x3B,
        (byte) 0x8A,
        (byte) 0x80,
        0x01,
        (byte) 0x80,
        0x73,
        (byte) 0xC0,
        0x21,
        (byte) 0xC0,
        0x57,
        0x59,
        0x00,
        0x00,
        0x00
    };

    private final List<CardTerminal> terminals = new ArrayList<>();

    public EmulatedTerminals add(String name, EmulatedChip chip) {
        terminals.add(new Terminal(name, chip));
        return this;
    }

    public TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance("Emulated", this, new EmulatedProvider());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<CardTerminal> list(State state) {
        return terminals.stream()
                .filter(t -> state == State.ALL || state == State.CARD_PRESENT == isPresent(t))
                .toList();
    }

    @Override
    public boolean waitForChange(long timeout) {
        return false;
    }

    private static boolean isPresent(CardTerminal t) {
        return ((Terminal) t).chip != null;
    }

    /** The provider's factory SPI: its parameter is the {@link EmulatedTerminals} to serve. */
    public static final class Spi extends TerminalFactorySpi {
        private final EmulatedTerminals terminals;

        public Spi(Object parameter) {
            this.terminals = (EmulatedTerminals) parameter;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return terminals;
        }
    }

    private static final class EmulatedProvider extends Provider {
        EmulatedProvider() {
            super("HealthidEmulatedTerminals", "1.0", "emulated PC/SC terminals for tests");
            put("TerminalFactory.Emulated", Spi.class.getName());
        }
    }

    private static final class Terminal extends CardTerminal {
        private final String name;
        private final EmulatedChip chip;

        Terminal(String name, EmulatedChip chip) {
            this.name = name;
            this.chip = chip;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            if (chip == null) {
                throw new CardException("SCARD_E_NO_SMARTCARD");
            }
            return new EmulatedCard(chip);
        }

        @Override
        public boolean isCardPresent() {
            return chip != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return chip != null;
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            return chip == null;
        }
    }

    private static final class EmulatedCard extends Card {
        private final EmulatedChip chip;
        private final CardChannel channel = new Channel();

        EmulatedCard(EmulatedChip chip) {
            this.chip = chip;
        }

        @Override
        public ATR getATR() {
            return new ATR(ATR_EXTENDED);
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return channel;
        }

        @Override
        public CardChannel openLogicalChannel() throws CardException {
            throw new CardException("no logical channels");
        }

        @Override
        public void beginExclusive() {}

        @Override
        public void endExclusive() {}

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            throw new CardException("no control commands");
        }

        @Override
        public void disconnect(boolean reset) {
            if (reset) {
                chip.reset();
            }
        }

        private final class Channel extends CardChannel {
            @Override
            public Card getCard() {
                return EmulatedCard.this;
            }

            @Override
            public int getChannelNumber() {
                return 0;
            }

            @Override
            public ResponseAPDU transmit(CommandAPDU command) {
                return new ResponseAPDU(chip.process(command.getBytes()));
            }

            @Override
            public int transmit(ByteBuffer command, ByteBuffer response) {
                byte[] in = new byte[command.remaining()];
                command.get(in);
                byte[] out = chip.process(in);
                response.put(out);
                return out.length;
            }

            @Override
            public void close() {}
        }
    }
}
