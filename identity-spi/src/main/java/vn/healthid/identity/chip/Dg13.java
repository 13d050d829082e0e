package vn.healthid.identity.chip;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DG13's fields by id (VIETNAM.md section 2), each with its string values in order (field 13 has two). */
record Dg13(Map<Integer, List<String>> fields) {

    static final int NUMBER = 1;
    static final int FULL_NAME = 2;
    static final int DATE_OF_BIRTH = 3;
    static final int SEX = 4;
    static final int NATIONALITY = 5;
    static final int ETHNICITY = 6;
    static final int RELIGION = 7;
    static final int PLACE_OF_ORIGIN = 8;
    static final int PLACE_OF_RESIDENCE = 9;
    static final int DATE_OF_ISSUE = 11;
    static final int DATE_OF_EXPIRY = 12;
    static final int PARENTS = 13;
    static final int OLD_ID_NUMBER = 16;

    Dg13 {
        fields = Map.copyOf(fields);
    }

    boolean has(int id) {
        return fields.containsKey(id);
    }

    /** The field's n-th value, empty when the field or that value is absent or blank. */
    Optional<String> value(int id, int index) {
        List<String> values = fields.get(id);
        if (values == null || values.size() <= index || values.get(index).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(index).strip());
    }

    Optional<String> value(int id) {
        return value(id, 0);
    }
}
