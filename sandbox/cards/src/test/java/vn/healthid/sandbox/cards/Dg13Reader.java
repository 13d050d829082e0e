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

/** Test-side DG13 reading: accepts both layouts, returns field id -> values. */
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
                values.add(((ASN1String) sequence.getObjectAt(i)).getString());
            }
            fields.put(ASN1Integer.getInstance(sequence.getObjectAt(0)).intValueExact(), values);
        }
        return fields;
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
