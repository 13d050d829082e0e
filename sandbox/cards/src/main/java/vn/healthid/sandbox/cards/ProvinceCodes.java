package vn.healthid.sandbox.cards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CCCD province-code table, kept as data in provinces.tsv (codes may change: edit the file). */
final class ProvinceCodes {

    /** A province: its 3-digit code (digits 1-3 of the number) and its name. */
    record Province(String code, String name) {}

    private static final List<Province> ALL = load();

    private ProvinceCodes() {}

    static List<Province> all() {
        return ALL;
    }

    static Optional<Province> byCode(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static List<Province> load() {
        List<Province> provinces = new ArrayList<>();
        try (InputStream in = ProvinceCodes.class.getResourceAsStream("provinces.tsv")) {
            if (in == null) {
                throw new IllegalStateException("provinces.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                provinces.add(new Province(columns[0].trim(), columns[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provinces.tsv", e);
        }
        return List.copyOf(provinces);
    }
}
