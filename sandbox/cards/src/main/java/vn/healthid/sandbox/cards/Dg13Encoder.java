package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * DG13, the Vietnamese personal-data group (VIETNAM.md section 2): tag 6D holding items
 * SEQUENCE { INTEGER id, UTF8String value... }, either directly or inside one outer SEQUENCE,
 * the two layouts public readers have seen.
 */
final class Dg13Encoder {

    static final String NO_EXPIRY = "Không thời hạn";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int DG13_TAG_NUMBER = 13;

    private Dg13Encoder() {}

    static byte[] encode(Citizen citizen, boolean wrappedInSequence) {
        ASN1EncodableVector items = new ASN1EncodableVector();
        items.add(item(1, citizen.number()));
        items.add(item(2, citizen.fullName()));
        items.add(item(3, date(citizen.dateOfBirth())));
        items.add(item(4, citizen.sex().dg13Label()));
        items.add(item(5, citizen.nationality()));
        items.add(item(6, citizen.ethnicity()));
        items.add(item(7, citizen.religion()));
        items.add(item(8, citizen.placeOfOrigin()));
        items.add(item(9, citizen.placeOfResidence()));
        items.add(item(10, citizen.identifyingFeatures()));
        items.add(item(11, date(citizen.dateOfIssue())));
        items.add(item(12, citizen.dateOfExpiry() == null ? NO_EXPIRY : date(citizen.dateOfExpiry())));
        items.add(item(13, citizen.fatherName(), citizen.motherName()));
        if (citizen.spouseName() != null) {
            items.add(item(14, citizen.spouseName()));
        }
        if (citizen.oldIdNumber() != null) {
            items.add(item(16, citizen.oldIdNumber()));
        }
        DERSequence sequence = new DERSequence(items);
        // Explicit tagging keeps the outer 30; implicit tagging puts the items right under 6D.
        DERTaggedObject root = new DERTaggedObject(wrappedInSequence, BERTags.APPLICATION, DG13_TAG_NUMBER, sequence);
        try {
            return root.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode DG13", e);
        }
    }

    static String date(LocalDate date) {
        return date.format(DATE);
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
