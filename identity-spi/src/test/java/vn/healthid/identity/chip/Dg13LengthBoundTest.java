package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.identity.chip.Dg13Files.item;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.junit.jupiter.api.Test;

/**
 * DG13 lengths are bounded before Unicode normalisation (whose cost grows with the square of a run of combining
 * accents): a crafted field or file is refused with DG13_TOO_LONG, and a real-sized one is read.
 */
class Dg13LengthBoundTest {

    /** One base letter and a run of combining acute and dot-below accents, 4 bytes per pair in UTF-8. */
    static String accentRun(int pairs) {
        return "a" + "\u0301\u0323".repeat(pairs);
    }

    private final Dg13Parser parser = new Dg13Parser();

    @Test
    void refusesAnInformationalFieldWithALongCombiningAccentRun() {
        byte[] file = Dg13Files.dg13(false, item(9, accentRun(Dg13Parser.MAX_FIELD_BYTES / 4 + 1)));

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(MalformedException.class)
                .satisfies(e -> {
                    assertThat(((MalformedException) e).reason()).isEqualTo(ReasonCode.DG13_TOO_LONG);
                    assertThat(((MalformedException) e).field()).isEqualTo("9");
                });
    }

    @Test
    void refusesADecisionFieldWithALongCombiningAccentRun() {
        List<ASN1Encodable> items = Dg13Files.decisionItems();
        items.set(1, item(2, accentRun(40_000)));

        assertThatThrownBy(() -> parser.parse(Dg13Files.dg13(true, items)))
                .isInstanceOf(MalformedException.class)
                .extracting(e -> ((MalformedException) e).reason())
                .isEqualTo(ReasonCode.DG13_TOO_LONG);
    }

    @Test
    void refusesAFileOverTheBoundEvenWhenEveryFieldIsWithinIt() {
        List<ASN1Encodable> items = new ArrayList<>(Dg13Files.decisionItems());
        for (int id = 20; items.size() < 30; id++) {
            items.add(item(id, accentRun(Dg13Parser.MAX_FIELD_BYTES / 4 - 10)));
        }
        byte[] file = Dg13Files.dg13(false, items);
        assertThat(file.length).isGreaterThan(Dg13Parser.MAX_FILE_BYTES);

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(MalformedException.class)
                .satisfies(e -> {
                    assertThat(((MalformedException) e).reason()).isEqualTo(ReasonCode.DG13_TOO_LONG);
                    assertThat(((MalformedException) e).field()).isNull();
                });
    }

    @Test
    void readsAFieldJustWithinTheBound() throws Exception {
        String address = accentRun(Dg13Parser.MAX_FIELD_BYTES / 4 - 10);

        Dg13 parsed = parser.parse(Dg13Files.dg13(false, item(9, address)));

        assertThat(parsed.attribute("placeOfResidence")).isPresent();
    }
}
