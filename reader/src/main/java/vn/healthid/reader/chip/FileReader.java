package vn.healthid.reader.chip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.sf.scuba.smartcards.CardFileInputStream;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.PassportService;

/** Reads one elementary file whole (SELECT, then READ BINARY in blocks), reporting progress per block. */
final class FileReader {

    private FileReader() {}

    /** The file's bytes, or null when the chip has no such file (6A82). */
    static byte[] read(PassportService passport, String name, int blockSize, ReadProgress progress)
            throws CardServiceException, IOException {
        CardFileInputStream in;
        try {
            in = passport.getInputStream(LdsNames.FIDS.get(name), blockSize);
        } catch (CardServiceException e) {
            if ((e.getSW() & 0xFFFF) == 0x6A82) {
                return null;
            }
            throw e;
        }
        try (in) {
            int length = in.getLength();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(length, 0));
            byte[] buffer = new byte[blockSize];
            progress.on(ReadProgress.Step.READING, name, 0, length);
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                progress.on(ReadProgress.Step.READING, name, out.size(), length);
            }
            return out.toByteArray();
        }
    }
}
