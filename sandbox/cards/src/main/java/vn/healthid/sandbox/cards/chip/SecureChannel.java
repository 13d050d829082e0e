package vn.healthid.sandbox.cards.chip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One BAC secure-messaging session on the chip's side (ICAO 9303-11 section 9.8): session keys, the send sequence
 * counter, unwrapping of protected commands (DO'87'/DO'85', DO'97', DO'8E') and wrapping of responses (DO'87'/DO'85',
 * DO'99', DO'8E'). The SSC is incremented before every MAC, command and response alike.
 */
final class SecureChannel {

    /** The failure of an unwrap: 6987 (expected SM data objects missing) or 6988 (SM data objects incorrect). */
    static final class Refused extends Exception {
        final int sw;

        Refused(int sw) {
            super(null, null, false, false);
            this.sw = sw;
        }
    }

    private final byte[] kEnc;
    private final byte[] kMac;
    private long ssc;

    SecureChannel(byte[] keySeed, long ssc) {
        this.kEnc = BacCrypto.deriveKey(keySeed, BacCrypto.ENC);
        this.kMac = BacCrypto.deriveKey(keySeed, BacCrypto.MAC);
        this.ssc = ssc;
    }

    /** Checks the MAC, then decrypts: the plain command, or {@link Refused}. */
    Apdu unwrap(Apdu protectedCommand) throws Refused {
        byte[] body = protectedCommand.data();
        byte[] cryptogram = null;
        boolean oddIns = false;
        byte[] le = null;
        byte[] cc = null;
        ByteArrayOutputStream macInput = new ByteArrayOutputStream();
        int i = 0;
        try {
            while (i < body.length) {
                int start = i;
                int tag = body[i++] & 0xFF;
                int[] length = Tlv.length(body, i);
                i = length[1];
                byte[] value = Arrays.copyOfRange(body, i, i + length[0]);
                i += length[0];
                switch (tag) {
                    case 0x87 -> cryptogram = value;
                    case 0x85 -> {
                        cryptogram = value;
                        oddIns = true;
                    }
                    case 0x97 -> le = value;
                    case 0x8E -> cc = value;
                    default -> throw new Refused(0x6988);
                }
                if (tag != 0x8E) {
                    macInput.write(body, start, i - start);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new Refused(0x6988);
        }
        if (cc == null) {
            throw new Refused(0x6987);
        }
        ssc++;
        byte[] header = {
            (byte) protectedCommand.cla(),
            (byte) protectedCommand.ins(),
            (byte) protectedCommand.p1(),
            (byte) protectedCommand.p2()
        };
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        n.writeBytes(counter());
        n.writeBytes(BacCrypto.pad(header));
        n.writeBytes(macInput.toByteArray());
        byte[] expected = BacCrypto.mac(kMac, BacCrypto.pad(n.toByteArray()));
        if (!MessageDigest.isEqual(expected, cc)) {
            throw new Refused(0x6988);
        }
        byte[] data = new byte[0];
        if (cryptogram != null) {
            byte[] encrypted = oddIns ? cryptogram : Arrays.copyOfRange(cryptogram, 1, cryptogram.length);
            if (encrypted.length % 8 != 0 || (!oddIns && cryptogram[0] != 0x01)) {
                throw new Refused(0x6988);
            }
            data = BacCrypto.unpad(BacCrypto.decrypt(kEnc, encrypted));
            if (data == null) {
                throw new Refused(0x6988);
            }
        }
        int ne = le == null ? 0 : le.length == 1 ? (le[0] == 0 ? 256 : le[0] & 0xFF) : ne(le);
        return new Apdu(
                protectedCommand.cla() & ~0x0C,
                protectedCommand.ins(),
                protectedCommand.p1(),
                protectedCommand.p2(),
                data,
                ne);
    }

    /** The protected response: [DO'87' or DO'85'] DO'99' DO'8E', then the status word. */
    byte[] wrap(int ins, byte[] data, int sw) {
        ByteArrayOutputStream objects = new ByteArrayOutputStream();
        if (data.length > 0) {
            byte[] encrypted = BacCrypto.encrypt(kEnc, BacCrypto.pad(data));
            boolean oddIns = (ins & 1) == 1;
            objects.write(oddIns ? 0x85 : 0x87);
            objects.writeBytes(Tlv.encodeLength(encrypted.length + (oddIns ? 0 : 1)));
            if (!oddIns) {
                objects.write(0x01);
            }
            objects.writeBytes(encrypted);
        }
        objects.writeBytes(new byte[] {(byte) 0x99, 0x02, (byte) (sw >> 8), (byte) sw});
        ssc++;
        ByteArrayOutputStream k = new ByteArrayOutputStream();
        k.writeBytes(counter());
        k.writeBytes(objects.toByteArray());
        byte[] cc = BacCrypto.mac(kMac, BacCrypto.pad(k.toByteArray()));
        objects.writeBytes(new byte[] {(byte) 0x8E, 0x08});
        objects.writeBytes(cc);
        objects.write(sw >> 8);
        objects.write(sw);
        return objects.toByteArray();
    }

    private byte[] counter() {
        return ByteBuffer.allocate(8).putLong(ssc).array();
    }

    private static int ne(byte[] le) {
        int value = ((le[0] & 0xFF) << 8) | (le[1] & 0xFF);
        return value == 0 ? 65536 : value;
    }
}
