package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DG13 as read by {@link Dg13Parser} (docs/cccd-chip.md): the decision fields, already checked for type, format and
 * presence; every other readable field as its decoded strings; and the items kept raw (unknown ids, shapes that could
 * not be read, repeats of informational fields, items without an id), reported as evidence and otherwise ignored.
 *
 * @param dateOfIssue null when the card has no field 11
 * @param dateOfExpiry null for a card without expiry ("Không thời hạn")
 * @param fields every readable field by id, decision fields included, each with its strings in order (NFC)
 */
record Dg13(
        String number,
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        LocalDate dateOfIssue,
        LocalDate dateOfExpiry,
        Map<Integer, List<String>> fields,
        List<Dg13RawItem> raw) {

    static final int NUMBER = 1;
    static final int FULL_NAME = 2;
    static final int DATE_OF_BIRTH = 3;
    static final int SEX = 4;
    static final int DATE_OF_ISSUE = 11;
    static final int DATE_OF_EXPIRY = 12;

    Dg13 {
        fields = Map.copyOf(fields);
        raw = List.copyOf(raw);
    }

    /** The field's n-th decoded string, empty when the field or that string is absent or blank. */
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

    /** A citizen attribute (nationality, fatherName, ...), wherever the id table puts it. */
    Optional<String> attribute(String name) {
        return Dg13FieldTable.positionOf(name).flatMap(p -> value(p.id(), p.index()));
    }
}
