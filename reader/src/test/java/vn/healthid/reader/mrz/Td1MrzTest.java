package vn.healthid.reader.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadProgress;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** The three TD1 lines, pasted or OCR'd, to a BAC key: ICAO 9303-5's check digits, every one. */
class Td1MrzTest {

    /** ICAO Doc 9303 part 5, appendix A: the TD1 specimen. */
    private static final String L1 = "I<UTOD231458907<<<<<<<<<<<<<<<";

    private static final String L2 = "7408122F1204159UTO<<<<<<<<<<<6";
    private static final String L3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    @Test
    void theIcaoSpecimenGivesItsDocumentNumberBirthAndExpiry() throws Exception {
        AccessKey key = Td1Mrz.parse(L1 + "\n" + L2 + "\n" + L3);

        assertThat(key.documentNumber()).isEqualTo("D23145890");
        assertThat(key.dateOfBirth()).isEqualTo("740812");
        assertThat(key.dateOfExpiry()).isEqualTo("120415");
        assertThat(key.can()).isNull();
    }

    @Test
    void ocrSpacesLowerCaseWindowsLineEndsAndOneRunOfNinetyAreAccepted() throws Exception {
        AccessKey spaced = Td1Mrz.parse("  " + L1.toLowerCase().replace("<<<", "< < <") + "\r\n" + L2 + " \r\n" + L3);
        AccessKey run = Td1Mrz.parse(L1 + L2 + L3);

        assertThat(spaced).isEqualTo(run);
        assertThat(run.documentNumber()).isEqualTo("D23145890");
    }

    @Test
    void theLinesOfASandboxCardOpenItsChip() throws Exception {
        Card card = Sandbox.get().card(CardSpec.defaults());
        String mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1")))
                .getMRZInfo()
                .toString();

        AccessKey key = Td1Mrz.parse(mrz);

        assertThat(key).isEqualTo(Sandbox.keyOf(card));
        var read = new ChipReader(ReaderSettings.defaults())
                .read(new EmulatedCardService(card), key, new byte[32], ReadProgress.NONE);
        assertThat(read.files()).containsKeys("DG1", "DG13", "SOD");
    }

    @Test
    void eachWrongCheckDigitIsRefusedAndNamed() {
        assertRefused(L1.substring(0, 14) + "8" + L1.substring(15), L2, "document number");
        assertRefused(L1, L2.substring(0, 6) + "3" + L2.substring(7), "date of birth");
        assertRefused(L1, L2.substring(0, 14) + "0" + L2.substring(15), "date of expiry");
        assertRefused(L1, L2.substring(0, 29) + "7", "composite");
        // a changed optional-data character is caught by the composite digit alone
        assertRefused(L1.substring(0, 20) + "X" + L1.substring(21), L2, "composite");
    }

    @Test
    void aLongDocumentNumberContinuesInTheOptionalDataWithItsCheckDigitLast() throws Exception {
        String number = "D23145890123";
        String start = "I<UTO" + number.substring(0, 9) + "<" + number.substring(9) + CheckDigit.of(number);
        String l1 = start + "<".repeat(30 - start.length());
        String body = "7408122F1204159UTO<<<<<<<<<<<";
        String l2 = body
                + CheckDigit.of(
                        l1.substring(5, 30) + body.substring(0, 7) + body.substring(8, 15) + body.substring(18, 29));

        assertThatThrownBy(() -> Td1Mrz.parse(l1 + "\n" + l2 + "\n" + L3))
                .isInstanceOf(MrzInputException.class)
                .hasMessageContaining("longer than BAC's 9");
    }

    @Test
    void wrongShapesAreRefusedWithTheRuleNotTheValue() {
        assertThatThrownBy(() -> Td1Mrz.parse(L1 + "\n" + L2))
                .isInstanceOf(MrzInputException.class)
                .hasMessage("a TD1 MRZ has three lines");
        assertThatThrownBy(() -> Td1Mrz.parse(L1 + "<\n" + L2 + "\n" + L3))
                .hasMessage("each MRZ line has 30 characters");
        assertThatThrownBy(() -> Td1Mrz.parse(L1.replace('D', '-') + "\n" + L2 + "\n" + L3))
                .hasMessage("an MRZ line has only A-Z, 0-9 and <");
        assertThatThrownBy(() -> Td1Mrz.parse(null)).hasMessage("no MRZ lines");
    }

    @Test
    void checkDigitsFollowTheWeights731WithLettersFromTenAndFillerZero() {
        assertThat(CheckDigit.of("D23145890")).isEqualTo('7');
        assertThat(CheckDigit.of("740812")).isEqualTo('2');
        assertThat(CheckDigit.of("<<<<")).isEqualTo('0');
        assertThat(CheckDigit.of("A")).isEqualTo('0'); // 10 * 7 = 70
        assertThat(CheckDigit.of("Z")).isEqualTo('5'); // 35 * 7 = 245
    }

    private static void assertRefused(String l1, String l2, String field) {
        assertThatThrownBy(() -> Td1Mrz.parse(l1 + "\n" + l2 + "\n" + L3))
                .isInstanceOf(MrzInputException.class)
                .hasMessage("the check digit of the " + field + " is wrong: retype or rescan the MRZ");
    }
}
