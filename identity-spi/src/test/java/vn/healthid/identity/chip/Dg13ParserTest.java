package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.identity.chip.Dg13Files.dg13;
import static vn.healthid.identity.chip.Dg13Files.item;
import static vn.healthid.identity.chip.Dg13Files.strings;

import java.time.LocalDate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Dg13ParserTest {

    private final Dg13Parser parser = new Dg13Parser();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsItemsDirectlyUnderTheTagOrWrappedInASequence(boolean wrapped) throws Exception {
        Dg13 parsed = parser.parse(dg13(wrapped, item(13, "Cha", "Mẹ")));

        assertThat(parsed.number()).isEqualTo(Dg13Files.NUMBER);
        assertThat(parsed.fullName()).isEqualTo(Dg13Files.NAME);
        assertThat(parsed.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(parsed.sex()).isEqualTo(Sex.FEMALE);
        assertThat(parsed.dateOfIssue()).isEqualTo(LocalDate.of(2021, 10, 10));
        assertThat(parsed.dateOfExpiry()).isEqualTo(LocalDate.of(2030, 5, 1));
        assertThat(parsed.attribute("fatherName")).contains("Cha");
        assertThat(parsed.attribute("motherName")).contains("Mẹ");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsParentsNestedOneSequenceEachOrOneForBoth(boolean each) throws Exception {
        ASN1Encodable[] value =
                each ? new ASN1Encodable[] {strings("Cha"), strings("Mẹ")} : new ASN1Encodable[] {strings("Cha", "Mẹ")};

        Dg13 parsed = parser.parse(dg13(true, item(13, value), item(14, strings("Vợ"))));

        assertThat(parsed.fields().get(13)).containsExactly("Cha", "Mẹ");
        assertThat(parsed.attribute("spouseName")).contains("Vợ");
        assertThat(parsed.raw()).isEmpty();
    }

    @Test
    void emptySequenceKeepsThePositionOfAMissingParent() throws Exception {
        Dg13 parsed = parser.parse(dg13(false, item(13, new DERSequence(), strings("Mẹ"))));

        assertThat(parsed.attribute("fatherName")).isEmpty();
        assertThat(parsed.attribute("motherName")).contains("Mẹ");
    }

    @Test
    void keepsUnknownIdsAndUnreadableShapesRawWithoutFailing() throws Exception {
        byte[] file = dg13(
                false,
                item(17, "future"),
                item(9, new DEROctetString(new byte[] {1, 2})),
                item(13, deep(Dg13Values.MAX_DEPTH + 1)),
                new DERSequence(new DERUTF8String("no id")),
                new DERUTF8String("not an item"));

        Dg13 parsed = parser.parse(file);

        assertThat(parsed.raw())
                .extracting(Dg13RawItem::describe)
                .containsExactly("17:UNKNOWN_ID", "9:UNREADABLE", "13:UNREADABLE", "0:NO_ID", "0:NO_ID");
        assertThat(parsed.attribute("placeOfResidence")).isEmpty();
        assertThat(parsed.number()).isEqualTo(Dg13Files.NUMBER);
    }

    @Test
    void readsNestingUpToTheDepthBound() throws Exception {
        Dg13 parsed = parser.parse(dg13(false, item(13, deep(Dg13Values.MAX_DEPTH))));

        assertThat(parsed.attribute("fatherName")).contains("Cha");
    }

    @Test
    void keepsTheFirstOfARepeatedInformationalField() throws Exception {
        Dg13 parsed = parser.parse(dg13(false, item(9, "Một"), item(9, "Hai")));

        assertThat(parsed.attribute("placeOfResidence")).contains("Một");
        assertThat(parsed.raw()).extracting(Dg13RawItem::describe).containsExactly("9:REPEATED");
    }

    @Test
    void refusesARepeatedDecisionFieldAsAmbiguous() {
        assertThatThrownBy(() -> parser.parse(dg13(false, item(1, Dg13Files.NUMBER))))
                .isInstanceOf(MalformedException.class)
                .extracting(e -> ((MalformedException) e).reason())
                .isEqualTo(ReasonCode.DG13_FIELD_DUPLICATED);
    }

    @Test
    void refusesADecisionFieldThatIsNotOneString() {
        List<ASN1Encodable> nested = Dg13Files.decisionItems();
        nested.set(1, item(2, strings(Dg13Files.NAME)));
        List<ASN1Encodable> two = Dg13Files.decisionItems();
        two.set(1, item(2, "Nguyễn", "An"));
        List<ASN1Encodable> octets = Dg13Files.decisionItems();
        octets.set(1, item(2, new DEROctetString(new byte[] {1})));

        for (List<ASN1Encodable> items : List.of(nested, two, octets)) {
            assertThat(reasonOf(Dg13Files.dg13(false, items))).isEqualTo(ReasonCode.DATA_GROUP_MALFORMED);
        }
    }

    @Test
    void refusesInvalidUtf8InADecisionField() {
        List<ASN1Encodable> items = Dg13Files.decisionItems();
        items.set(1, item(2, "AB"));
        byte[] file = Dg13Files.dg13(false, items);
        int at = indexOf(file, new byte[] {'A', 'B'});
        file[at + 1] = (byte) 0xC3; // a lone lead byte

        assertThat(reasonOf(file)).isEqualTo(ReasonCode.DATA_GROUP_MALFORMED);
    }

    @Test
    void refusesMissingDecisionFieldsWithTheirId() {
        for (int id : new int[] {1, 2, 3, 4, 12}) {
            List<ASN1Encodable> items = Dg13Files.decisionItems();
            items.removeIf(i -> idOf(i) == id);

            assertThatThrownBy(() -> parser.parse(Dg13Files.dg13(false, items)))
                    .isInstanceOf(MalformedException.class)
                    .satisfies(e -> {
                        assertThat(((MalformedException) e).reason()).isEqualTo(ReasonCode.DG13_FIELD_MISSING);
                        assertThat(((MalformedException) e).field()).isEqualTo(Integer.toString(id));
                    });
        }
    }

    @Test
    void refusesWrongRootTag() {
        byte[] file = dg13(false);
        file[0] = 0x6C;

        assertThat(reasonOf(file)).isEqualTo(ReasonCode.DATA_GROUP_MALFORMED);
    }

    @Test
    void idTableMarksExactlyTheDecisionFieldsAndMapsIds13To16() {
        assertThat(Dg13FieldTable.decisionIds()).containsExactly(1, 2, 3, 4, 11, 12);
        assertThat(Dg13FieldTable.positionOf("fatherName")).contains(new Dg13FieldTable.Position(13, 0));
        assertThat(Dg13FieldTable.positionOf("motherName")).contains(new Dg13FieldTable.Position(13, 1));
        assertThat(Dg13FieldTable.positionOf("spouseName")).contains(new Dg13FieldTable.Position(14, 0));
        assertThat(Dg13FieldTable.positionOf("oldIdNumber")).contains(new Dg13FieldTable.Position(16, 0));
        assertThat(Dg13FieldTable.field(15))
                .get()
                .extracting(Dg13FieldTable.Field::attributes)
                .asList()
                .isEmpty();
        assertThat(Dg13FieldTable.field(17)).isEmpty();
    }

    @Test
    void numberDigitsAgreeWithCenturySexAndYear() {
        LocalDate born1990 = LocalDate.of(1990, 5, 1);
        LocalDate born2004 = LocalDate.of(2004, 5, 1);

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

    private ReasonCode reasonOf(byte[] file) {
        try {
            parser.parse(file);
            throw new AssertionError("parsed");
        } catch (MalformedException e) {
            return e.reason();
        }
    }

    /** "Cha" inside {@code depth} nested SEQUENCEs. */
    private static ASN1Encodable deep(int depth) {
        ASN1Encodable value = new DERUTF8String("Cha");
        for (int i = 0; i < depth; i++) {
            value = new DERSequence(value);
        }
        return value;
    }

    static int idOf(ASN1Encodable item) {
        return ((ASN1Integer) ((DERSequence) item).getObjectAt(0)).intValueExact();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
