package vn.healthid.sandbox.cards.chip;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * READ BINARY (ISO/IEC 7816-4 section 11.2.3): B0 with a 15-bit offset in P1-P2 or a short EF identifier in P1 (bit
 * 8 set) and an 8-bit offset in P2; B1 with the offset in DO'54' and the data in DO'53' (for offsets past 32767).
 * A read shorter than Le at the end of the file is answered with what is left and 9000.
 */
final class FileReads {

    private FileReads() {}

    static Reply read(Apdu apdu, ChipFiles files, Integer selectedFid, EmulatedChip chip) {
        Integer fid = selectedFid;
        int offset;
        if (apdu.ins() == 0xB0 && (apdu.p1() & 0x80) != 0) {
            fid = files.fidOfSfi(apdu.p1() & 0x1F);
            if (fid == null) {
                return Reply.of(0x6A82);
            }
            chip.select(fid);
            offset = apdu.p2();
        } else if (apdu.ins() == 0xB0) {
            offset = (apdu.p1() << 8) | apdu.p2();
        } else {
            byte[] data = apdu.data();
            if (data.length < 3 || data[0] != 0x54 || data[1] < 1 || data[1] > 3 || data.length != 2 + data[1]) {
                return Reply.of(0x6A80);
            }
            offset = 0;
            for (int i = 2; i < data.length; i++) {
                offset = (offset << 8) | (data[i] & 0xFF);
            }
        }
        if (fid == null) {
            return Reply.of(0x6986);
        }
        byte[] file = files.file(fid);
        if (offset > file.length) {
            return Reply.of(0x6B00);
        }
        if (apdu.ne() == 0) {
            return Reply.of(0x6700);
        }
        if (apdu.ins() == 0xB0) {
            int n = Math.min(apdu.ne(), file.length - offset);
            return new Reply(Arrays.copyOfRange(file, offset, offset + n), 0x9000);
        }
        int room = apdu.ne() - 4;
        int n = Math.max(0, Math.min(room, file.length - offset));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x53);
        out.writeBytes(Tlv.encodeLength(n));
        out.write(file, offset, n);
        return new Reply(out.toByteArray(), 0x9000);
    }
}
