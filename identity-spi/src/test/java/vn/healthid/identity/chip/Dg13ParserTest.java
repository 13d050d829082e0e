package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Dg13ParserTest {

    private final Dg13Parser parser = new Dg13Parser();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsItemsDirectlyUnderTheTagOrWrappedInASequence(boolean wrapped) throws Exception {
        byte[] dg13 = dg13(wrapped, item(1, "079190000123"), item(2, "Nguyễn Văn An"), item(13, "Cha", "Mẹ"));

        Dg13 parsed = parser.parse(dg13);

        assertThat(parsed.value(Dg13.NUMBER)).contains("079190000123");
        assertThat(parsed.value(Dg13.FULL_NAME)).contains("Nguyễn Văn An");
        assertThat(parsed.value(Dg13.PARENTS, 0)).contains("Cha");
        assertThat(parsed.value(Dg13.PARENTS, 1)).contains("Mẹ");
    }

    @Test
    void toleratesUnknownIdsAndMissingOptionalFields() throws Exception {
        byte[] dg13 = dg13(false, item(1, "079190000123"), item(15, "reserved"), item(99, "future"), item(14));

        Dg13 parsed = parser.parse(dg13);

        assertThat(parsed.value(Dg13.NUMBER)).isPresent();
        assertThat(parsed.value(14)).isEmpty();
        assertThat(parsed.value(Dg13.OLD_ID_NUMBER)).isEmpty();
    }

    @Test
    void rejectsItemWithoutIntegerId() throws Exception {
        byte[] dg13 = dg13(false, new DERSequence(new DERUTF8String("no id")));

        assertThatThrownBy(() -> parser.parse(dg13))
                .isInstanceOf(MalformedException.class)
                .hasMessageContaining("INTEGER id");
    }

    @Test
    void rejectsNonStringValue() throws Exception {
        byte[] dg13 =
                dg13(false, new DERSequence(new ASN1Encodable[] {new ASN1Integer(2), new DEROctetString(new byte[] {1})
                }));

        assertThatThrownBy(() -> parser.parse(dg13)).isInstanceOf(MalformedException.class);
    }

    @Test
    void rejectsRepeatedId() throws Exception {
        byte[] dg13 = dg13(false, item(1, "079190000123"), item(1, "079190000124"));

        assertThatThrownBy(() -> parser.parse(dg13)).isInstanceOf(MalformedException.class);
    }

    @Test
    void rejectsInvalidUtf8() throws Exception {
        byte[] dg13 = dg13(false, item(2, "AB"));
        dg13[dg13.length - 1] = (byte) 0xC3; // a lone lead byte

        assertThatThrownBy(() -> parser.parse(dg13)).isInstanceOf(MalformedException.class);
    }

    @Test
    void rejectsWrongRootTag() throws Exception {
        byte[] dg13 = dg13(false, item(1, "079190000123"));
        dg13[0] = 0x6C;

        assertThatThrownBy(() -> parser.parse(dg13)).isInstanceOf(MalformedException.class);
    }

    @Test
    void numberDigitsAgreeWithCenturySexAndYear() {
        java.time.LocalDate born1990 = java.time.LocalDate.of(1990, 5, 1);
        java.time.LocalDate born2004 = java.time.LocalDate.of(2004, 5, 1);

        assertThat(NationalNumber.agreesWith("079090000123", born1990, Sex.MALE))
                .isEqualTo(ReasonCode.OK);
        assertThat(NationalNumber.agreesWith("079190000123", born1990, Sex.FEMALE))
                .isEqualTo(ReasonCode.OK);
        assertThat(NationalNumber.agreesWith("079304000123", born2004, Sex.FEMALE))
                .isEqualTo(ReasonCode.OK);
        assertThat(NationalNumber.agreesWith("079204000123", born1990, Sex.MALE))
                .isEqualTo(ReasonCode.NUMBER_DOB_MISMATCH);
        assertThat(NationalNumber.agreesWith("079091000123", born1990, Sex.MALE))
                .isEqualTo(ReasonCode.NUMBER_DOB_MISMATCH);
        assertThat(NationalNumber.agreesWith("079090000123", born1990, Sex.FEMALE))
                .isEqualTo(ReasonCode.NUMBER_SEX_MISMATCH);
        assertThat(NationalNumber.mask("079090000123")).isEqualTo("0790******23");
    }

    private static DERSequence item(int id, String... values) {
        ASN1EncodableVector parts = new ASN1EncodableVector();
        parts.add(new ASN1Integer(id));
        for (String value : values) {
            parts.add(new DERUTF8String(value));
        }
        return new DERSequence(parts);
    }

    private static byte[] dg13(boolean wrapped, ASN1Encodable... items) throws IOException {
        return new DERTaggedObject(wrapped, BERTags.APPLICATION, 13, new DERSequence(items))
                .getEncoded(ASN1Encoding.DER);
    }
}
