package vn.healthid.reader.pcsc;

/**
 * What the ATR tells about extended-length APDUs (ISO/IEC 7816-4 section 8.1.1.2.7, "card capabilities", compact-TLV
 * tag 7, third software function byte, bit 0x40). For a contactless card PC/SC builds the ATR (PC/SC part 3): for
 * ISO 14443 type A its historical bytes are the ATS historical bytes, where CCCD chips state this capability.
 */
public final class AtrCapabilities {

    private AtrCapabilities() {}

    public static boolean extendedLength(byte[] atr) {
        byte[] historical = historicalBytes(atr);
        if (historical.length == 0 || historical[0] != (byte) 0x80) {
            return false;
        }
        int i = 1;
        while (i < historical.length) {
            int tag = (historical[i] & 0xF0) >> 4;
            int length = historical[i] & 0x0F;
            if (tag == 0x7 && length >= 3 && i + 3 < historical.length) {
                return (historical[i + 3] & 0x40) != 0;
            }
            i += 1 + length;
        }
        return false;
    }

    /** ISO/IEC 7816-3 section 8.2: TS, T0 (K = low nibble), the interface bytes chained by Y, then K bytes. */
    static byte[] historicalBytes(byte[] atr) {
        if (atr == null || atr.length < 2) {
            return new byte[0];
        }
        int k = atr[1] & 0x0F;
        int y = (atr[1] & 0xF0) >> 4;
        int i = 2;
        while (true) {
            int next = -1;
            for (int bit = 0; bit < 4; bit++) {
                if ((y & (1 << bit)) != 0) {
                    if (bit == 3) {
                        if (i >= atr.length) {
                            return new byte[0];
                        }
                        next = (atr[i] & 0xF0) >> 4;
                    }
                    i++;
                }
            }
            if (next < 0) {
                break;
            }
            y = next;
        }
        if (i + k > atr.length) {
            return new byte[0];
        }
        byte[] out = new byte[k];
        System.arraycopy(atr, i, out, 0, k);
        return out;
    }
}
