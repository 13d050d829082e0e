package vn.healthid.reader.mrz;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import vn.healthid.reader.chip.AccessKey;

/**
 * The QR code on the front of the card, {@code CCCD|oldCMND|name|ddMMyyyy|sex|address|issue ddMMyyyy}
 * (docs/vietnam.md section 2, UNVERIFIED layout). It has no date of expiry: the expiry in {@link #key} is derived
 * by {@link CccdValidity} and is unverified; when the chip refuses it, the clerk types the
 * date printed on the card ({@link #withExpiry}).
 */
public record CardQr(String number, LocalDate dateOfBirth, LocalDate issued, Optional<LocalDate> derivedExpiry) {

    /** The MRZ's date of expiry for a card that never expires (docs/cccd-chip.md, "DG1 optional data"). */
    public static final String NO_EXPIRY = "991231";

    private static final DateTimeFormatter DDMMYYYY =
            DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public static CardQr parse(String text) throws MrzInputException {
        if (text == null) {
            throw new MrzInputException("no QR code text");
        }
        String[] fields = text.strip().split("\\|", -1);
        if (fields.length < 7) {
            throw new MrzInputException("the card's QR code has 7 fields separated by |");
        }
        String number = fields[0].strip();
        if (!number.matches("\\d{12}")) {
            throw new MrzInputException("the QR code's first field is not a 12-digit CCCD number");
        }
        LocalDate birth = date(fields[3], "date of birth");
        LocalDate issued = date(fields[6], "date of issue");
        if (issued.isBefore(birth)) {
            throw new MrzInputException("the QR code's date of issue is before the date of birth");
        }
        return new CardQr(number, birth, issued, CccdValidity.expiry(birth, issued));
    }

    /** The BAC key with the derived expiry: to try once, then ask. */
    public AccessKey key(int mrzDigits) {
        return AccessKey.fromPersonalNumber(
                number,
                dateOfBirth.format(YYMMDD),
                derivedExpiry.map(YYMMDD::format).orElse(NO_EXPIRY),
                mrzDigits);
    }

    /** The BAC key with the expiry the clerk read off the card (YYMMDD). */
    public AccessKey withExpiry(String expiryYymmdd, int mrzDigits) {
        return AccessKey.fromPersonalNumber(number, dateOfBirth.format(YYMMDD), expiryYymmdd, mrzDigits);
    }

    /** Never the values: this record may reach a log by accident. */
    @Override
    public String toString() {
        return "CardQr[derivedExpiry=" + derivedExpiry.isPresent() + "]";
    }

    private static LocalDate date(String field, String what) throws MrzInputException {
        try {
            return LocalDate.parse(field.strip(), DDMMYYYY);
        } catch (DateTimeParseException e) {
            throw new MrzInputException("the QR code's " + what + " is not ddMMyyyy");
        }
    }
}
