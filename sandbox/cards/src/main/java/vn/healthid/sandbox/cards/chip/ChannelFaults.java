package vn.healthid.sandbox.cards.chip;

import java.util.HashSet;
import java.util.Set;

/** Faults of the contactless field, by APDU number: what a test asks the {@link EmulatedCardService} to do. */
public final class ChannelFaults {

    private int removeAt = Integer.MAX_VALUE;
    private final Set<Integer> lost = new HashSet<>();
    private int tamperCommandsFrom = Integer.MAX_VALUE;
    private final Set<Integer> tamperedResponses = new HashSet<>();

    /** The card leaves the field when APDU number {@code n} is sent: it and everything after it fail. */
    public ChannelFaults removeCardAt(int n) {
        removeAt = n;
        return this;
    }

    /** APDU number {@code n} is lost on the way (the chip never sees it); the card stays. */
    public ChannelFaults loseApdu(int n) {
        lost.add(n);
        return this;
    }

    /** From APDU number {@code n} on, every protected command arrives with one bit of its MAC flipped. */
    public ChannelFaults tamperCommandMacsFrom(int n) {
        tamperCommandsFrom = n;
        return this;
    }

    /** The response to APDU number {@code n} arrives with one bit of its MAC flipped. */
    public ChannelFaults tamperResponseMacAt(int n) {
        tamperedResponses.add(n);
        return this;
    }

    boolean removesAt(int n) {
        return n >= removeAt;
    }

    boolean losesAt(int n) {
        return lost.contains(n);
    }

    boolean tampersCommandAt(int n) {
        return n >= tamperCommandsFrom;
    }

    boolean tampersResponseAt(int n) {
        return tamperedResponses.contains(n);
    }

    /**
     * Flips a bit of DO'8E' (8E 08 + 8 bytes). In a command it ends the data field, before Le (one, two or no byte);
     * in a response it comes right before the status word. Plain APDUs (no DO'8E' where expected) pass unchanged.
     */
    static byte[] flipMac(byte[] apdu, boolean command) {
        byte[] out = apdu.clone();
        int[] tails = command ? new int[] {0, 1, 2} : new int[] {2};
        for (int tail : tails) {
            int tag = out.length - tail - 10;
            if (tag >= 0 && out[tag] == (byte) 0x8E && out[tag + 1] == 0x08 && (!command || (out[0] & 0x0C) == 0x0C)) {
                out[out.length - tail - 1] ^= 0x01;
                return out;
            }
        }
        return out;
    }
}
