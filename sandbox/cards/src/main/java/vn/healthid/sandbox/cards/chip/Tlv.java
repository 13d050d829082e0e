package vn.healthid.sandbox.cards.chip;

/** BER lengths (one, two or three bytes), as secure-messaging data objects and DO'54' use them. */
final class Tlv {

    private Tlv() {}

    /** {length, index of the first value byte}. */
    static int[] length(byte[] bytes, int at) {
        int first = bytes[at] & 0xFF;
        if (first < 0x80) {
            return new int[] {first, at + 1};
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3) {
            throw new IndexOutOfBoundsException("unsupported BER length");
        }
        int value = 0;
        for (int i = 1; i <= count; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return new int[] {value, at + 1 + count};
    }

    static byte[] encodeLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
}
