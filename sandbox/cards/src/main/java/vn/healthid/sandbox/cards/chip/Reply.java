package vn.healthid.sandbox.cards.chip;

/** The chip's answer before secure messaging wraps it: response data and status word. */
final class Reply {

    final byte[] data;
    final int sw;

    Reply(byte[] data, int sw) {
        this.data = data;
        this.sw = sw;
    }

    static Reply of(int sw) {
        return new Reply(new byte[0], sw);
    }

    byte[] bytes() {
        byte[] out = java.util.Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
