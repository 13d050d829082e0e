package vn.healthid.reader.chip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What came off the chip: the files by bundle name (COM, SOD, DG1, ...) and the AA signature, with read figures. */
public record ChipRead(Map<String, byte[]> files, Optional<byte[]> aaSignature, ReadStats stats, String protocol) {

    public ChipRead {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    @Override
    public String toString() {
        return "ChipRead[files=" + files.keySet() + ", aa=" + aaSignature.isPresent() + ", " + stats + "]";
    }
}
