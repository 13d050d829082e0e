package vn.healthid.identity.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file names {@code cccd verify} accepts in a chip folder (identity-spi/README.md, "Operator command"), matched
 * case-insensitively after dropping a .bin/.der/.dat extension and reading '-' and '.' as '_': {@code EF_SOD.bin},
 * {@code SOD.bin}, {@code EF.SOD} and {@code 011D.bin} (the ICAO file identifier) all name EF.SOD.
 */
final class ChipFileNames {

    /** Bundle file name, then the accepted names (normalised), the ICAO file identifier last. */
    static final Map<String, List<String>> NAMES = Map.of(
            "COM", List.of("ef_com", "com", "011e"),
            "SOD", List.of("ef_sod", "sod", "011d"),
            "DG1", List.of("ef_dg1", "dg1", "dg01", "0101"),
            "DG2", List.of("ef_dg2", "dg2", "dg02", "0102"),
            "DG13", List.of("ef_dg13", "dg13", "010d"),
            "DG14", List.of("ef_dg14", "dg14", "010e"),
            "DG15", List.of("ef_dg15", "dg15", "010f"));

    static final List<String> AA_SIGNATURE = List.of("aa_signature", "aa_sig", "aasignature");
    /** Raw nonce bytes; {@code nonce.txt} holds it as base64url text. */
    static final List<String> NONCE_RAW = List.of("nonce", "aa_nonce");

    private ChipFileNames() {}

    static String normalised(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".bin", ".der", ".dat"}) {
            if (name.endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        return name.replace('-', '_').replace('.', '_');
    }

    static Optional<String> bundleName(String key) {
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue().contains(key))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
