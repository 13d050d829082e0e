package vn.healthid.identity.chip;

import java.util.Map;

/** ICAO 9303-10 data-group numbering: file names in the bundle and LDS tags. */
final class DataGroups {

    private static final int[] TAGS = {
        0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70
    };
    private static final Map<String, Integer> NUMBERS = Map.of("DG1", 1, "DG2", 2, "DG13", 13, "DG14", 14, "DG15", 15);

    private DataGroups() {}

    /** The data-group number of a bundle file name, or -1 for COM and SOD. */
    static int numberOfFile(String name) {
        return NUMBERS.getOrDefault(name, -1);
    }

    static int numberOfTag(int tag) {
        for (int i = 0; i < TAGS.length; i++) {
            if (TAGS[i] == tag) {
                return i + 1;
            }
        }
        return -1;
    }
}
