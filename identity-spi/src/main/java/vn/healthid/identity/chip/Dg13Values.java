package vn.healthid.identity.chip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the value part of a DG13 item (everything after its INTEGER id), strictly for decision fields and
 * tolerantly for the others (docs/cccd-chip.md, "Field shapes"). Callers bound the length before this normalises.
 */
final class Dg13Values {

    /** SEQUENCEs nested inside one item, beyond which a value is unreadable (kept raw), not a failure. */
    static final int MAX_DEPTH = 4;

    private static final int SEQUENCE = 0x30;
    private static final int UTF8_STRING = 0x0C;
    private static final int PRINTABLE_STRING = 0x13;
    private static final int IA5_STRING = 0x16;

    private Dg13Values() {}

    /** A decision field: no value at all (empty), or exactly one UTF8String or PrintableString. */
    static Optional<String> single(int id, List<Tlv> parts) throws MalformedException {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Tlv part = parts.get(0);
        if (parts.size() != 1 || (part.tag() != UTF8_STRING && part.tag() != PRINTABLE_STRING)) {
            throw new MalformedException(
                    ReasonCode.DATA_GROUP_MALFORMED, "DG13 field " + id + " is not one string", Integer.toString(id));
        }
        Optional<String> text = text(part);
        if (text.isEmpty()) {
            throw new MalformedException(
                    ReasonCode.DATA_GROUP_MALFORMED, "DG13 field " + id + " is not UTF-8", Integer.toString(id));
        }
        return text;
    }

    /**
     * Any other field: strings, SEQUENCEs of strings or nested SEQUENCEs, flattened in order; an empty SEQUENCE
     * stands for one empty string so that positions hold (a missing father before a mother). Empty when unreadable.
     */
    static Optional<List<String>> tolerant(List<Tlv> parts) {
        List<String> strings = new ArrayList<>();
        for (Tlv part : parts) {
            if (!collect(part, 0, strings)) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(strings));
    }

    private static boolean collect(Tlv tlv, int depth, List<String> strings) {
        int tag = tlv.tag();
        if (tag == UTF8_STRING || tag == PRINTABLE_STRING || tag == IA5_STRING) {
            Optional<String> text = text(tlv);
            text.ifPresent(strings::add);
            return text.isPresent();
        }
        if (tag != SEQUENCE || depth >= MAX_DEPTH) {
            return false;
        }
        List<Tlv> children;
        try {
            children = tlv.children(ReasonCode.DATA_GROUP_MALFORMED);
        } catch (MalformedException e) {
            return false; // unreachable after Tlv.whole validated the file; unreadable all the same
        }
        if (children.isEmpty()) {
            strings.add("");
        }
        for (Tlv child : children) {
            if (!collect(child, depth + 1, strings)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> text(Tlv tlv) {
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(tlv.source(), tlv.valueOffset(), tlv.valueLength()))
                    .toString();
            return Optional.of(Normalizer.normalize(decoded, Normalizer.Form.NFC));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
