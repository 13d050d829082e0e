package vn.healthid.sandbox.cards;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jmrtd.lds.icao.MRZInfo;

/**
 * The TD1 MRZ of a CCCD: document code ID, state VNM, document number = the last 9 digits of the
 * 12-digit number, optional data 1 = the full 12-digit number in its first 12 characters (where
 * CCCD readers take it from; the repository's docs/cccd-chip.md), no-expiry cards carry 991231.
 */
final class MrzBuilder {

    static final String NO_EXPIRY = "991231";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private MrzBuilder() {}

    static MRZInfo build(Citizen citizen, String optionalNumber) {
        String documentNumber = citizen.number().substring(3);
        String line1 = pad("IDVNM" + documentNumber + MRZInfo.checkDigit(documentNumber) + optionalNumber, 30);
        String birth = citizen.dateOfBirth().format(YYMMDD);
        String expiry = citizen.dateOfExpiry() == null
                ? NO_EXPIRY
                : citizen.dateOfExpiry().format(YYMMDD);
        String line2 = birth + MRZInfo.checkDigit(birth) + citizen.sex().mrzCode() + expiry + MRZInfo.checkDigit(expiry)
                + "VNM" + "<".repeat(11);
        String composite =
                line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        line2 = line2 + MRZInfo.checkDigit(composite);
        return new MRZInfo(line1 + "\n" + line2 + "\n" + nameLine(citizen.fullName()));
    }

    static String formatDate(LocalDate date) {
        return date.format(YYMMDD);
    }

    /** "Nguyễn Văn An" becomes NGUYEN<<VAN<AN: surname, then given names, without diacritics. */
    static String nameLine(String fullName) {
        String[] words = transliterate(fullName).split(" +");
        StringBuilder line = new StringBuilder(words[0]).append("<<");
        for (int i = 1; i < words.length; i++) {
            line.append(i > 1 ? "<" : "").append(words[i]);
        }
        String text = line.length() > 30 ? line.substring(0, 30) : line.toString();
        return pad(text, 30);
    }

    static String transliterate(String name) {
        String stripped = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "").trim();
    }

    private static String pad(String text, int length) {
        return text + "<".repeat(length - text.length());
    }
}
