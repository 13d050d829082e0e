package vn.healthid.reader.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.chip.AccessKey;

/** The front QR code to a BAC key with a derived, unverified expiry; and the validity rule it derives with. */
class CardQrTest {

    private static final String QR =
            "079190001234|025123456|Nguyễn Văn A|15011990|Nam|12 Lê Lợi, Quận 1, TP.HCM|01022021";

    @Test
    void theQrCodeGivesNumberBirthAndAnExpiryDerivedFromTheDateOfIssue() throws Exception {
        CardQr qr = CardQr.parse(QR);

        assertThat(qr.number()).isEqualTo("079190001234");
        assertThat(qr.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
        assertThat(qr.issued()).isEqualTo(LocalDate.of(2021, 2, 1));
        // 31 at issue: the next renewal age is 40
        assertThat(qr.derivedExpiry()).contains(LocalDate.of(2030, 1, 15));
        CardKey key = CardKey.fromQr(qr, 9);
        assertThat(key.expiryUnverified()).isTrue();
        assertThat(key.key()).isEqualTo(new AccessKey("190001234", "900115", "300115", null));
        assertThat(qr.toString()).doesNotContain("079190001234");
    }

    @Test
    void theExpiryTheClerkTypesReplacesTheDerivedOne() throws Exception {
        AccessKey key = CardQr.parse(QR).withExpiry("310115", 9);

        assertThat(key).isEqualTo(new AccessKey("190001234", "900115", "310115", null));
    }

    @Test
    void aCardIssuedFromTheLastRenewalAgeOnHasNoExpiry() throws Exception {
        CardQr qr = CardQr.parse("001058001234||Trần Thị B|02031958|Nữ|Hà Nội|10052020");

        assertThat(qr.derivedExpiry()).isEmpty();
        assertThat(qr.key(9).dateOfExpiry()).isEqualTo(CardQr.NO_EXPIRY);
    }

    @Test
    void newerQrCodesWithMoreFieldsAreRead() throws Exception {
        assertThat(CardQr.parse(QR + "|extra").number()).isEqualTo("079190001234");
    }

    @Test
    void malformedQrCodesAreRefusedWithTheRuleNotTheValue() {
        assertThatThrownBy(() -> CardQr.parse("079190001234|025123456|Nguyễn Văn A"))
                .isInstanceOf(MrzInputException.class)
                .hasMessage("the card's QR code has 7 fields separated by |");
        assertThatThrownBy(() -> CardQr.parse(QR.replace("079190001234", "79190001234")))
                .hasMessage("the QR code's first field is not a 12-digit CCCD number");
        assertThatThrownBy(() -> CardQr.parse(QR.replace("15011990", "31021990")))
                .hasMessage("the QR code's date of birth is not ddMMyyyy");
        assertThatThrownBy(() -> CardQr.parse(QR.replace("01022021", "2021-02-01")))
                .hasMessage("the QR code's date of issue is not ddMMyyyy");
        assertThatThrownBy(() -> CardQr.parse(QR.replace("01022021", "01021980")))
                .hasMessage("the QR code's date of issue is before the date of birth");
    }

    @Test
    void validityRunsToTheNextRenewalAgeBirthday() {
        LocalDate birth = LocalDate.of(2000, 6, 10);

        assertThat(CccdValidity.expiry(birth, LocalDate.of(2021, 3, 1))).contains(LocalDate.of(2025, 6, 10));
        assertThat(CccdValidity.expiry(birth, LocalDate.of(2024, 3, 1))).contains(LocalDate.of(2040, 6, 10));
    }

    @Test
    void aCardIssuedWithinTwoYearsBeforeARenewalAgeRunsToTheNextOne() {
        LocalDate birth = LocalDate.of(1985, 6, 10);

        // 37 years and 11 months: still before the window of 40
        assertThat(CccdValidity.expiry(birth, LocalDate.of(2023, 5, 1))).contains(LocalDate.of(2025, 6, 10));
        // 38: within two years of 40, valid to 60
        assertThat(CccdValidity.expiry(birth, LocalDate.of(2023, 6, 10))).contains(LocalDate.of(2045, 6, 10));
        // 58: within two years of 60, no expiry
        assertThat(CccdValidity.expiry(LocalDate.of(1962, 1, 1), LocalDate.of(2020, 1, 1)))
                .isEmpty();
    }

    @Test
    void cardsIssuedUnderTheLawOf2023AlsoRenewAtFourteen() {
        LocalDate child = LocalDate.of(2014, 9, 1);

        assertThat(CccdValidity.expiry(child, CccdValidity.NEW_LAW.plusDays(1))).contains(LocalDate.of(2028, 9, 1));
        // before 1 July 2024 the first renewal age was 25
        assertThat(CccdValidity.expiry(child, CccdValidity.NEW_LAW.minusDays(1)))
                .contains(LocalDate.of(2039, 9, 1));
    }
}
