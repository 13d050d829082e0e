package vn.healthid.sandbox.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * Test-side DG13 reading: accepts both containers and nested values, returns field id -> strings in order; a value
 * that is not strings nor SEQUENCEs of strings (an unknown id's) reads as no strings.
 */
final class Dg13Reader {

    private Dg13Reader() {}

    static Map<Integer, List<String>> read(byte[] dg13) {
        ASN1TaggedObject root = ASN1TaggedObject.getInstance(dg13);
        if (root.getTagClass() != BERTags.APPLICATION || root.getTagNo() != 13) {
            throw new IllegalArgumentException("not DG13");
        }
        ASN1Sequence items = ASN1Sequence.getInstance(root.getBaseUniversal(false, BERTags.SEQUENCE));
        if (items.size() == 1 && isWrapper(items.getObjectAt(0))) {
            items = ASN1Sequence.getInstance(items.getObjectAt(0));
        }
        Map<Integer, List<String>> fields = new LinkedHashMap<>();
        for (ASN1Encodable item : items) {
            ASN1Sequence sequence = ASN1Sequence.getInstance(item);
            List<String> values = new ArrayList<>();
            for (int i = 1; i < sequence.size(); i++) {
                if (!collect(sequence.getObjectAt(i), values)) {
                    values.clear();
                    break;
                }
            }
            fields.put(ASN1Integer.getInstance(sequence.getObjectAt(0)).intValueExact(), values);
        }
        return fields;
    }

    private static boolean collect(ASN1Encodable value, List<String> values) {
        if (value instanceof ASN1String string) {
            values.add(string.getString());
            return true;
        }
        if (value instanceof ASN1Sequence sequence) {
            for (ASN1Encodable child : sequence) {
                if (!collect(child, values)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The ASN.1 shape of field {@code id}'s item, as "INTEGER,SEQUENCE(UTF8String)". */
    static String shape(byte[] dg13, int id) {
        ASN1TaggedObject root = ASN1TaggedObject.getInstance(dg13);
        ASN1Sequence items = ASN1Sequence.getInstance(root.getBaseUniversal(false, BERTags.SEQUENCE));
        if (items.size() == 1 && isWrapper(items.getObjectAt(0))) {
            items = ASN1Sequence.getInstance(items.getObjectAt(0));
        }
        for (ASN1Encodable item : items) {
            ASN1Sequence sequence = ASN1Sequence.getInstance(item);
            if (ASN1Integer.getInstance(sequence.getObjectAt(0)).intValueExact() == id) {
                return shapeOf(sequence.toArray());
            }
        }
        throw new IllegalArgumentException("no field " + id);
    }

    private static String shapeOf(ASN1Encodable[] parts) {
        StringBuilder shape = new StringBuilder();
        for (ASN1Encodable part : parts) {
            shape.append(shape.isEmpty() ? "" : ",");
            if (part instanceof ASN1Sequence sequence) {
                shape.append("SEQUENCE(").append(shapeOf(sequence.toArray())).append(')');
            } else {
                shape.append(
                        part instanceof ASN1Integer
                                ? "INTEGER"
                                : part.getClass().getSimpleName().replace("DER", ""));
            }
        }
        return shape.toString();
    }

    static boolean wrapped(byte[] dg13) {
        ASN1TaggedObject root = ASN1TaggedObject.getInstance(dg13);
        ASN1Sequence items = ASN1Sequence.getInstance(root.getBaseUniversal(false, BERTags.SEQUENCE));
        return items.size() == 1 && isWrapper(items.getObjectAt(0));
    }

    private static boolean isWrapper(ASN1Encodable first) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(first);
        return sequence.size() > 0 && sequence.getObjectAt(0) instanceof ASN1Sequence;
    }
}
