package vn.healthid.reader.chip;

/**
 * How the reader talks to the chip. Defaults (see reader/README.md): 2 retries of a broken session, extended-length
 * APDUs when the terminal says it supports them, 223-byte short reads (the largest that still fits a short response
 * under BAC secure messaging) and 4 KiB extended reads.
 */
public record ReaderSettings(int retries, ExtendedLength extendedLength, int shortBlock, int extendedBlock) {

    public static final int DEFAULT_RETRIES = 2;
    public static final int SHORT_BLOCK = 223;
    public static final int DEFAULT_EXTENDED_BLOCK = 4096;

    /** Extended-length READ BINARY: as the terminal reports, always, or never. */
    public enum ExtendedLength {
        AUTO,
        ON,
        OFF
    }

    public ReaderSettings {
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0 to 10");
        }
        if (shortBlock < 1 || shortBlock > SHORT_BLOCK) {
            throw new IllegalArgumentException("a short read is 1 to " + SHORT_BLOCK + " bytes");
        }
        if (extendedBlock < SHORT_BLOCK || extendedBlock > 65_000) {
            throw new IllegalArgumentException("an extended read is " + SHORT_BLOCK + " to 65000 bytes");
        }
    }

    public static ReaderSettings defaults() {
        return new ReaderSettings(DEFAULT_RETRIES, ExtendedLength.AUTO, SHORT_BLOCK, DEFAULT_EXTENDED_BLOCK);
    }

    public ReaderSettings withRetries(int n) {
        return new ReaderSettings(n, extendedLength, shortBlock, extendedBlock);
    }

    public ReaderSettings withExtendedLength(ExtendedLength mode) {
        return new ReaderSettings(retries, mode, shortBlock, extendedBlock);
    }
}
