package vn.healthid.reader.chip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmrtd.PassportService;
import org.jmrtd.lds.LDSFileUtil;

/**
 * File names of the chip bundle (docs/chip-bundle.md) and their file identifiers. The reader reads only what a
 * bundle may carry: a data group that EF.COM lists but the bundle format does not know is left on the chip.
 */
final class LdsNames {

    static final Map<String, Short> FIDS = Map.of(
            "COM", PassportService.EF_COM,
            "SOD", PassportService.EF_SOD,
            "DG1", PassportService.EF_DG1,
            "DG2", PassportService.EF_DG2,
            "DG13", PassportService.EF_DG13,
            "DG14", PassportService.EF_DG14,
            "DG15", PassportService.EF_DG15);

    /** Without these a bundle is refused (docs/chip-bundle.md, "Fields"). */
    static final Set<String> REQUIRED = Set.of("SOD", "DG1", "DG13");

    private LdsNames() {}

    /** The bundle's data groups that EF.COM's tag list names, in the chip's order, then SOD. */
    static List<String> toRead(int[] comTags) {
        List<String> names = new ArrayList<>();
        names.add("SOD");
        for (int tag : comTags) {
            int number;
            try {
                number = LDSFileUtil.lookupDataGroupNumberByTag(tag);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String name = "DG" + number;
            if (FIDS.containsKey(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
