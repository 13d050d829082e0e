package vn.healthid.reader.serve;

import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.error.ReaderException;

/** One card read with the reader's settings (which terminal, retries, block sizes): the command line builds it. */
@FunctionalInterface
public interface CardReading {

    ChipRead read(AccessKey key, byte[] nonce) throws ReaderException;
}
