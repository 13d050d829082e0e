package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.identity.chip.Dg13Files.item;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

/**
 * Generated DG13 files (fixed seeds): random shapes in the fields that decide nothing never fail and never disturb
 * the decision fields; one broken decision field always fails with its own reason and names the field.
 */
class Dg13PropertyTest {

    private static final int FILES = 1_200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int[] INFORMATIONAL = {5, 6, 7, 8, 9, 10, 13, 14, 15, 16};
    private static final String LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ";

    private final Dg13Parser parser = new Dg13Parser();

    /** One generated card's decision fields, as the parser should return them. */
    private record Expected(String number, String name, LocalDate birth, Sex sex, LocalDate issue, LocalDate expiry) {}

    @Test
    void randomShapesInInformationalFieldsAlwaysParseWithDecisionFieldsIntact() throws Exception {
        Random random = new Random(1313L);
        for (int n = 0; n < FILES; n++) {
            Expected expected = expected(random);
            List<ASN1Encodable> items = decisionItems(expected, random);
            items.addAll(noise(random));
            Collections.shuffle(items, random);

            Dg13 parsed = parser.parse(Dg13Files.dg13(random.nextBoolean(), items));

            assertThat(new Expected(
                            parsed.number(),
                            parsed.fullName(),
                            parsed.dateOfBirth(),
                            parsed.sex(),
                            parsed.dateOfIssue(),
                            parsed.dateOfExpiry()))
                    .as("file %d", n)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aBrokenDecisionFieldAlwaysFailsWithItsOwnReason() {
        Random random = new Random(2020L);
        int[] decision = {1, 2, 3, 4, 11, 12};
        for (int n = 0; n < FILES; n++) {
            Expected generated = expected(random);
            Expected expected = generated.issue() != null
                    ? generated
                    : new Expected(
                            generated.number(),
                            generated.name(),
                            generated.birth(),
                            generated.sex(),
                            generated.birth().plusYears(20),
                            generated.expiry());
            List<ASN1Encodable> items = decisionItems(expected, random);
            items.addAll(noise(random));
            int kind = random.nextInt(4);
            int id = kind == 2 ? new int[] {1, 2, 3, 4, 12}[random.nextInt(5)] : decision[random.nextInt(6)];
            ReasonCode reason = breakField(items, id, kind, random);
            Collections.shuffle(items, random);
            byte[] file = Dg13Files.dg13(random.nextBoolean(), items);

            MalformedException failure = failure(file);

            assertThat(failure).as("file %d: kind %d field %d", n, kind, id).isNotNull();
            assertThat(failure.reason())
                    .as("file %d: kind %d field %d", n, kind, id)
                    .isEqualTo(reason);
            assertThat(failure.field()).as("file %d", n).isEqualTo(Integer.toString(id));
        }
    }

    /** Breaks field {@code id}: 0 wrong type, 1 bad format, 2 missing, 3 duplicated; returns the reason expected. */
    private static ReasonCode breakField(List<ASN1Encodable> items, int id, int kind, Random random) {
        int at = indexOf(items, id);
        switch (kind) {
            case 0 -> items.set(at, wrongType(id, random));
            case 1 -> items.set(at, item(id, badFormat(id, random)));
            case 2 -> items.remove(at);
            default -> items.add(items.get(at));
        }
        return switch (kind) {
            case 2 -> ReasonCode.DG13_FIELD_MISSING;
            case 1 -> id == 2 ? ReasonCode.DG13_FIELD_MISSING : ReasonCode.DATA_GROUP_MALFORMED; // a blank name
            case 3 -> ReasonCode.DG13_FIELD_DUPLICATED;
            default -> ReasonCode.DATA_GROUP_MALFORMED;
        };
    }

    private static ASN1Encodable wrongType(int id, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> item(id, new DEROctetString(new byte[] {0x30, 0x31}));
            case 1 -> item(id, Dg13Files.strings("01/01/2000"));
            case 2 -> item(id, new ASN1Integer(7));
            default -> item(id, "01/01/2000", "01/01/2001");
        };
    }

    private static String badFormat(int id, Random random) {
        return switch (id) {
            case 1 -> random.nextBoolean() ? "07919000012" : "07919000012X";
            case 2 -> " ".repeat(1 + random.nextInt(3)); // a name has no format: blank is no name
            case 4 -> random.nextBoolean() ? "M" : "Nu";
            default -> random.nextBoolean() ? "31/02/1990" : "1990-05-01";
        };
    }

    private static Expected expected(Random random) {
        LocalDate birth = LocalDate.of(1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        StringBuilder number = new StringBuilder(String.format("%03d", random.nextInt(100)));
        number.append(random.nextInt(10)).append(String.format("%08d", random.nextInt(100_000_000)));
        LocalDate issue = random.nextInt(5) == 0 ? null : birth.plusYears(14 + random.nextInt(10));
        LocalDate expiry = random.nextInt(4) == 0 ? null : birth.plusYears(60 + random.nextInt(5));
        String name = Normalizer.normalize(name(random), Normalizer.Form.NFC);
        return new Expected(number.toString(), name, birth, sex, issue, expiry);
    }

    private static List<ASN1Encodable> decisionItems(Expected e, Random random) {
        List<ASN1Encodable> items = new ArrayList<>();
        items.add(text(1, e.number(), random));
        // Written decomposed half of the time: the parser returns NFC.
        String written = random.nextBoolean() ? Normalizer.normalize(e.name(), Normalizer.Form.NFD) : e.name();
        items.add(item(2, written));
        items.add(text(3, e.birth().format(DATE), random));
        items.add(item(4, e.sex() == Sex.MALE ? "Nam" : "Nữ"));
        if (e.issue() != null) {
            items.add(text(11, e.issue().format(DATE), random));
        }
        items.add(item(12, e.expiry() == null ? "Không thời hạn" : e.expiry().format(DATE)));
        return items;
    }

    /** ASCII decision values may be UTF8String or PrintableString. */
    private static ASN1Encodable text(int id, String value, Random random) {
        ASN1Encodable string = random.nextBoolean() ? new DERUTF8String(value) : new DERPrintableString(value);
        return item(id, string);
    }

    /** Informational and unknown items of random shapes, some repeated, some left out. */
    private static List<ASN1Encodable> noise(Random random) {
        List<ASN1Encodable> items = new ArrayList<>();
        for (int id : INFORMATIONAL) {
            if (random.nextInt(3) > 0) {
                items.add(item(id, shape(random, 0)));
            }
            if (random.nextInt(12) == 0) {
                items.add(item(id, shape(random, 0)));
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            items.add(item(17 + random.nextInt(100), shape(random, 0)));
        }
        if (random.nextInt(10) == 0) {
            items.add(new DERSequence(new DERUTF8String("no id")));
        }
        return items;
    }

    private static ASN1Encodable[] shape(Random random, int depth) {
        int count = random.nextInt(3);
        ASN1Encodable[] parts = new ASN1Encodable[count];
        for (int i = 0; i < count; i++) {
            parts[i] = switch (random.nextInt(depth > 2 ? 2 : 6)) {
                case 0 -> new DERUTF8String(name(random));
                case 1 -> new DERPrintableString("ABC 123");
                case 2 -> new DERSequence(shape(random, depth + 1));
                case 3 -> new DERSequence(new ASN1EncodableVector());
                case 4 -> new DEROctetString(new byte[] {(byte) random.nextInt(256)});
                default -> new ASN1Integer(random.nextInt(1000));
            };
        }
        return parts;
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = 2 + random.nextInt(30); i > 0; i--) {
            name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        String text = name.toString().strip();
        return text.isEmpty() ? "An" : text;
    }

    private static int indexOf(List<ASN1Encodable> items, int id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof DERSequence s
                    && s.size() > 0
                    && s.getObjectAt(0) instanceof ASN1Integer n
                    && n.intValueExact() == id) {
                return i;
            }
        }
        throw new AssertionError("no field " + id);
    }

    private MalformedException failure(byte[] file) {
        try {
            parser.parse(file);
            return null;
        } catch (MalformedException e) {
            return e;
        }
    }
}
