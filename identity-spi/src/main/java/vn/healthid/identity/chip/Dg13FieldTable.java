package vn.healthid.identity.chip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The DG13 id table, loaded once from the classpath resource {@code dg13-fields.tsv}: which ids exist, which decide,
 * and which citizen attribute each decoded string feeds. The meaning of ids 13-16 is data there, with its sources
 * (docs/cccd-chip.md), not code.
 */
final class Dg13FieldTable {

    /** One row: {@code attributes} names the citizen attribute of each decoded string, by position. */
    record Field(int id, String key, boolean decides, List<String> attributes) {}

    /** Where a citizen attribute is read: the field id and the position in its decoded strings. */
    record Position(int id, int index) {}

    private static final String RESOURCE = "dg13-fields.tsv";
    private static final Map<Integer, Field> FIELDS = load();

    private Dg13FieldTable() {}

    static Optional<Field> field(int id) {
        return Optional.ofNullable(FIELDS.get(id));
    }

    static boolean decides(int id) {
        Field field = FIELDS.get(id);
        return field != null && field.decides();
    }

    static List<Integer> decisionIds() {
        return FIELDS.values().stream().filter(Field::decides).map(Field::id).toList();
    }

    static Optional<Position> positionOf(String attribute) {
        for (Field field : FIELDS.values()) {
            int index = field.attributes().indexOf(attribute);
            if (index >= 0) {
                return Optional.of(new Position(field.id(), index));
            }
        }
        return Optional.empty();
    }

    private static Map<Integer, Field> load() {
        Map<Integer, Field> fields = new TreeMap<>();
        try (InputStream in = Dg13FieldTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                int id = Integer.parseInt(columns[0]);
                List<String> attributes = "-".equals(columns[3]) ? List.of() : Arrays.asList(columns[3].split(","));
                fields.put(id, new Field(id, columns[1], "decides".equals(columns[2]), List.copyOf(attributes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(fields);
    }
}
