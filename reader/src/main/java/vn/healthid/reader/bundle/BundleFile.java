package vn.healthid.reader.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * Writes a bundle all or nothing: a temporary file beside the target (owner-only: it holds personal data), flushed to
 * disk, then renamed over the target in one step. A read that fails never gets here, so no partial bundle exists.
 */
public final class BundleFile {

    private BundleFile() {}

    public static void write(Path target, byte[] json) throws ReaderException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = createPrivateTemp(dir, target.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(json));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ReaderException(
                    ReaderError.BUNDLE_WRITE_FAILED, target.getFileName().toString(), e);
        }
    }

    private static Path createPrivateTemp(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(
                    dir,
                    "." + name + ".",
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            return Files.createTempFile(dir, "." + name + ".", ".part");
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file holds what was written so far; nothing more can be done here
            }
        }
    }
}
