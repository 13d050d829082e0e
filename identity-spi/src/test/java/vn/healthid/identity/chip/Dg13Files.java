package vn.healthid.identity.chip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/** Hand-built DG13 files for parser tests: a valid set of decision fields, and the items a test adds. */
final class Dg13Files {

    static final String NUMBER = "079190000123";
    static final String NAME = "Nguyễn Thị An";
    static final String BIRTH = "01/05/1990";
    static final String SEX = "Nữ";
    static final String ISSUE = "10/10/2021";
    static final String EXPIRY = "01/05/2030";

    private Dg13Files() {}

    /** Items 1, 2, 3, 4, 11 and 12 of a valid card, in that order. */
    static List<ASN1Encodable> decisionItems() {
        return new ArrayList<>(List.of(
                item(1, NUMBER), item(2, NAME), item(3, BIRTH), item(4, SEX), item(11, ISSUE), item(12, EXPIRY)));
    }

    static DERSequence item(int id, String... values) {
        ASN1EncodableVector parts = new ASN1EncodableVector();
        parts.add(new ASN1Integer(id));
        for (String value : values) {
            parts.add(new DERUTF8String(value));
        }
        return new DERSequence(parts);
    }

    static DERSequence item(int id, ASN1Encodable... values) {
        ASN1EncodableVector parts = new ASN1EncodableVector();
        parts.add(new ASN1Integer(id));
        for (ASN1Encodable value : values) {
            parts.add(value);
        }
        return new DERSequence(parts);
    }

    static DERSequence strings(String... values) {
        ASN1EncodableVector parts = new ASN1EncodableVector();
        for (String value : values) {
            parts.add(new DERUTF8String(value));
        }
        return new DERSequence(parts);
    }

    /** A DG13 file: the items directly under 6D, or (wrapped) inside one outer SEQUENCE. */
    static byte[] dg13(boolean wrapped, List<? extends ASN1Encodable> items) {
        try {
            return new DERTaggedObject(
                            wrapped, BERTags.APPLICATION, 13, new DERSequence(items.toArray(ASN1Encodable[]::new)))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid decision fields followed by {@code extra}. */
    static byte[] dg13(boolean wrapped, ASN1Encodable... extra) {
        List<ASN1Encodable> items = decisionItems();
        items.addAll(List.of(extra));
        return dg13(wrapped, items);
    }
}
