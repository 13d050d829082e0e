package vn.healthid.identity.chip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses DG13 (tag 6D) strictly where it decides and tolerantly where it does not (docs/cccd-chip.md). Items are
 * SEQUENCE { INTEGER id, value... }, directly under 6D or inside one outer SEQUENCE. The decision fields (the id
 * table's "decides" rows) must each be one string of the exact format, at most once; any other known field is
 * decoded into strings when it can be and kept raw when it cannot; unknown ids are kept raw. Lengths are bounded
 * before any Unicode normalisation, so that crafted accent runs cannot make it slow.
 */
final class Dg13Parser {

    /** Bytes of the whole DG13 file; a real card's DG13 is about one kilobyte. */
    static final int MAX_FILE_BYTES = 16_384;
    /** Bytes of one known item (id and value, encoded), the longest address with room to spare. */
    static final int MAX_FIELD_BYTES = 2_048;

    private static final int DG13_TAG = 0x6D;
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int MAX_ID = 127;

    Dg13 parse(byte[] file) throws MalformedException {
        if (file.length > MAX_FILE_BYTES) {
            throw new MalformedException(ReasonCode.DG13_TOO_LONG, "DG13 longer than " + MAX_FILE_BYTES + " bytes");
        }
        Map<Integer, List<String>> fields = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        List<Dg13RawItem> raw = new ArrayList<>();
        for (Tlv item : items(file)) {
            int id = idOf(item);
            Optional<Dg13FieldTable.Field> field = Dg13FieldTable.field(id);
            if (id == 0 || field.isEmpty()) {
                raw.add(new Dg13RawItem(
                        id, id == 0 ? Dg13RawItem.Kind.NO_ID : Dg13RawItem.Kind.UNKNOWN_ID, bytes(item)));
                continue;
            }
            if (item.end() - item.offset() > MAX_FIELD_BYTES) {
                throw new MalformedException(
                        ReasonCode.DG13_TOO_LONG,
                        "DG13 field " + id + " longer than " + MAX_FIELD_BYTES + " bytes",
                        Integer.toString(id));
            }
            boolean repeated = !seen.add(id);
            List<Tlv> parts = valueParts(item);
            if (field.get().decides()) {
                if (repeated) {
                    throw new MalformedException(
                            ReasonCode.DG13_FIELD_DUPLICATED,
                            "DG13 field " + id + " appears twice",
                            Integer.toString(id));
                }
                fields.put(id, Dg13Values.single(id, parts).map(List::of).orElse(List.of()));
            } else if (repeated) {
                raw.add(new Dg13RawItem(id, Dg13RawItem.Kind.REPEATED, bytes(item)));
            } else {
                Optional<List<String>> strings = Dg13Values.tolerant(parts);
                if (strings.isPresent()) {
                    fields.put(id, strings.get());
                } else {
                    raw.add(new Dg13RawItem(id, Dg13RawItem.Kind.UNREADABLE, bytes(item)));
                }
            }
        }
        return Dg13Decisions.read(fields, raw);
    }

    /** The items, under 6D or inside one outer SEQUENCE (a single SEQUENCE whose first child is a SEQUENCE). */
    private static List<Tlv> items(byte[] file) throws MalformedException {
        List<Tlv> items =
                Tlv.whole(file, DG13_TAG, ReasonCode.DATA_GROUP_MALFORMED).children(ReasonCode.DATA_GROUP_MALFORMED);
        if (items.size() == 1 && items.get(0).tag() == SEQUENCE) {
            List<Tlv> inner = items.get(0).children(ReasonCode.DATA_GROUP_MALFORMED);
            if (!inner.isEmpty() && inner.get(0).tag() == SEQUENCE) {
                return inner;
            }
        }
        return items;
    }

    /** The item's field id: a SEQUENCE opened by a one-byte INTEGER 1..127; 0 for anything else. */
    private static int idOf(Tlv item) throws MalformedException {
        if (item.tag() != SEQUENCE) {
            return 0;
        }
        List<Tlv> parts = item.children(ReasonCode.DATA_GROUP_MALFORMED);
        if (parts.isEmpty() || parts.get(0).tag() != INTEGER || parts.get(0).valueLength() != 1) {
            return 0;
        }
        int id = parts.get(0).source()[parts.get(0).valueOffset()];
        return id > 0 && id <= MAX_ID ? id : 0;
    }

    private static List<Tlv> valueParts(Tlv item) throws MalformedException {
        List<Tlv> parts = item.children(ReasonCode.DATA_GROUP_MALFORMED);
        return parts.subList(1, parts.size());
    }

    private static byte[] bytes(Tlv item) {
        return item.encoded();
    }
}
