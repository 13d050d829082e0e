package vn.healthid.sandbox.cards.chip;

import java.util.Arrays;

/** A command APDU as the chip sees it (ISO/IEC 7816-4 short or extended form). {@code ne} 0 means no Le. */
record Apdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {

    /** Parses cases 1 to 4, short and extended; null when the bytes are no APDU. */
    static Apdu parse(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        int cla = b[0] & 0xFF;
        int ins = b[1] & 0xFF;
        int p1 = b[2] & 0xFF;
        int p2 = b[3] & 0xFF;
        if (b.length == 4) {
            return new Apdu(cla, ins, p1, p2, new byte[0], 0);
        }
        int first = b[4] & 0xFF;
        if (b.length == 5) {
            return new Apdu(cla, ins, p1, p2, new byte[0], first == 0 ? 256 : first);
        }
        if (first != 0) {
            int lc = first;
            if (b.length == 5 + lc) {
                return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), 0);
            }
            if (b.length == 6 + lc) {
                int le = b[5 + lc] & 0xFF;
                return new Apdu(cla, ins, p1, p2, Arrays.copyOfRange(b, 5, 5 + lc), le == 0 ? 256 : le);
            }
            return null;
        }
        if (b.length == 7) {
            return new Apdu(cla, ins, p1, p2, new byte[0], extended(b, 5));
        }
        int lc = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
        if (lc == 0 || b.length < 7 + lc) {
            return null;
        }
        byte[] data = Arrays.copyOfRange(b, 7, 7 + lc);
        if (b.length == 7 + lc) {
            return new Apdu(cla, ins, p1, p2, data, 0);
        }
        return b.length == 9 + lc ? new Apdu(cla, ins, p1, p2, data, extended(b, 7 + lc)) : null;
    }

    boolean isSecureMessaging() {
        return (cla & 0x0C) == 0x0C;
    }

    private static int extended(byte[] b, int at) {
        int value = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        return value == 0 ? 65536 : value;
    }
}
