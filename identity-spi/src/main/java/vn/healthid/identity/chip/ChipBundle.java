package vn.healthid.identity.chip;

import java.util.Map;

/**
 * A chip bundle (docs/chip-bundle.md): the challenge as the reader sent it, the chip's files by name ("SOD", "DG1",
 * ...), and the active-authentication signature when there is one.
 */
public record ChipBundle(String challenge, Map<String, byte[]> files, byte[] aaSignature) {

    public ChipBundle {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    @Override
    public String toString() {
        return "ChipBundle" + files.keySet();
    }
}
