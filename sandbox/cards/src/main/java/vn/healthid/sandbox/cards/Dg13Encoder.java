package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * DG13, the Vietnamese personal-data group (the repository's docs/cccd-chip.md): tag 6D holding items
 * SEQUENCE { INTEGER id, value... }, directly or inside one outer SEQUENCE, in one of the {@link Dg13Layout}s.
 */
final class Dg13Encoder {

    static final String NO_EXPIRY = "Không thời hạn";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int DG13_TAG_NUMBER = 13;

    private Dg13Encoder() {}

    static byte[] encode(Citizen citizen, Dg13Layout layout) {
        ASN1EncodableVector items = new ASN1EncodableVector();
        add(items, layout, 1, citizen.number());
        add(items, layout, 2, citizen.fullName());
        add(items, layout, 3, date(citizen.dateOfBirth()));
        add(items, layout, 4, citizen.sex().dg13Label());
        add(items, layout, 5, citizen.nationality());
        add(items, layout, 6, citizen.ethnicity());
        add(items, layout, 7, citizen.religion());
        add(items, layout, 8, citizen.placeOfOrigin());
        add(items, layout, 9, citizen.placeOfResidence());
        add(items, layout, 10, citizen.identifyingFeatures());
        add(items, layout, 11, date(citizen.dateOfIssue()));
        add(items, layout, 12, citizen.dateOfExpiry() == null ? NO_EXPIRY : date(citizen.dateOfExpiry()));
        items.add(names(layout, 13, citizen.fatherName(), citizen.motherName()));
        if (citizen.spouseName() != null && !omitted(layout, 14)) {
            items.add(names(layout, 14, citizen.spouseName()));
        }
        if (layout.extraIds) {
            items.add(new DERSequence(new ASN1Integer(15)));
        }
        if (citizen.oldIdNumber() != null) {
            add(items, layout, 16, citizen.oldIdNumber());
        }
        if (layout.extraIds) {
            items.add(item(17, citizen.number().substring(0, 6)));
            items.add(new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(18), new DERSequence(new DEROctetString(new byte[] {0x01, 0x02}))
            }));
        }
        DERSequence sequence = new DERSequence(items);
        // Explicit tagging keeps the outer 30; implicit tagging puts the items right under 6D.
        DERTaggedObject root = new DERTaggedObject(layout.wrapped, BERTags.APPLICATION, DG13_TAG_NUMBER, sequence);
        try {
            return root.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode DG13", e);
        }
    }

    static String date(LocalDate date) {
        return date.format(DATE);
    }

    private static void add(ASN1EncodableVector items, Dg13Layout layout, int id, String value) {
        if (!omitted(layout, id)) {
            items.add(item(id, value));
        }
    }

    private static boolean omitted(Dg13Layout layout, int id) {
        return layout.sparse && Dg13Layout.SPARSE_OMITS.contains(id);
    }

    /** Fields 13 and 14: names as plain strings, one SEQUENCE per name, or one SEQUENCE for all of them. */
    private static DERSequence names(Dg13Layout layout, int id, String... names) {
        return switch (layout.parents) {
            case STRINGS -> item(id, names);
            case ONE_SEQUENCE_EACH -> {
                ASN1Encodable[] parts = new ASN1Encodable[names.length + 1];
                parts[0] = new ASN1Integer(id);
                for (int i = 0; i < names.length; i++) {
                    parts[i + 1] = new DERSequence(new DERUTF8String(names[i]));
                }
                yield new DERSequence(parts);
            }
            case ONE_SEQUENCE_FOR_BOTH -> new DERSequence(new ASN1Encodable[] {new ASN1Integer(id), strings(names)});
        };
    }

    private static DERSequence strings(String... values) {
        ASN1Encodable[] parts = new ASN1Encodable[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = new DERUTF8String(values[i]);
        }
        return new DERSequence(parts);
    }

    private static DERSequence item(int id, String... values) {
        ASN1Encodable[] parts = new ASN1Encodable[values.length + 1];
        parts[0] = new ASN1Integer(id);
        for (int i = 0; i < values.length; i++) {
            parts[i + 1] = new DERUTF8String(values[i]);
        }
        return new DERSequence(parts);
    }
}
