package vn.healthid.reader.pcsc;

import java.util.Optional;
import vn.healthid.reader.error.ReaderError;

/**
 * What the reception page shows before a read: a reader connected or not, a card on it or not. {@code problem} is
 * why no reader answers (no PC/SC library, pcscd down); {@code readerName} is the PC/SC name, not card data.
 */
public record DeviceStatus(
        boolean readerConnected, boolean cardPresent, Optional<String> readerName, Optional<ReaderError> problem) {

    /** A source that cannot tell (a test stand-in without a status). */
    public static final DeviceStatus UNKNOWN = new DeviceStatus(false, false, Optional.empty(), Optional.empty());

    public static DeviceStatus present(String name, boolean card) {
        return new DeviceStatus(true, card, Optional.of(name), Optional.empty());
    }

    public static DeviceStatus absent(ReaderError problem) {
        return new DeviceStatus(false, false, Optional.empty(), Optional.of(problem));
    }
}
