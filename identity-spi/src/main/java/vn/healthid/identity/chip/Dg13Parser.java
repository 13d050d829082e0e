package vn.healthid.identity.chip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses DG13 (tag 6D): items SEQUENCE { INTEGER id, string value... }, either directly under 6D or inside one outer
 * SEQUENCE (public readers have seen both). Unknown ids and missing optional fields are tolerated; anything that is
 * not that structure (an item without an id, a non-string value, a repeated id) is DATA_GROUP_MALFORMED.
 */
final class Dg13Parser {

    private static final int DG13_TAG = 0x6D;
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int UTF8_STRING = 0x0C;
    private static final int PRINTABLE_STRING = 0x13;
    private static final int MAX_ID = 127;

    Dg13 parse(byte[] file) throws MalformedException {
        List<Tlv> items =
                Tlv.whole(file, DG13_TAG, ReasonCode.DATA_GROUP_MALFORMED).children(reason());
        if (items.size() == 1 && items.get(0).tag() == SEQUENCE && isWrapper(items.get(0))) {
            items = items.get(0).children(reason());
        }
        Map<Integer, List<String>> fields = new HashMap<>();
        for (Tlv item : items) {
            if (item.tag() != SEQUENCE) {
                throw malformed("DG13 item is not a SEQUENCE");
            }
            List<Tlv> parts = item.children(reason());
            if (parts.isEmpty() || parts.get(0).tag() != INTEGER) {
                throw malformed("DG13 item without an INTEGER id");
            }
            int id = fieldId(parts.get(0).value());
            List<String> values = new ArrayList<>();
            for (Tlv part : parts.subList(1, parts.size())) {
                if (part.tag() != UTF8_STRING && part.tag() != PRINTABLE_STRING) {
                    throw malformed("DG13 field " + id + " holds a non-string value");
                }
                values.add(Normalizer.normalize(utf8(part.value()), Normalizer.Form.NFC));
            }
            if (fields.put(id, values) != null) {
                throw malformed("DG13 field " + id + " repeated");
            }
        }
        return new Dg13(fields);
    }

    /** An outer SEQUENCE wrapping the items, rather than a single item: its first child is itself a SEQUENCE. */
    private static boolean isWrapper(Tlv sequence) throws MalformedException {
        List<Tlv> children = sequence.children(reason());
        return !children.isEmpty() && children.get(0).tag() == SEQUENCE;
    }

    private static String utf8(byte[] bytes) throws MalformedException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("DG13 value is not UTF-8");
        }
    }

    private static int fieldId(byte[] integer) throws MalformedException {
        if (integer.length != 1 || integer[0] <= 0 || integer[0] > MAX_ID) {
            throw malformed("DG13 field id out of range");
        }
        return integer[0];
    }

    private static ReasonCode reason() {
        return ReasonCode.DATA_GROUP_MALFORMED;
    }

    private static MalformedException malformed(String detail) {
        return new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, detail);
    }
}
