package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision fields of DG13, checked for presence and format once the items are read (docs/cccd-chip.md,
 * "Decision fields"): number, full name, date of birth and sex present; field 12 present (a date or "Không thời
 * hạn"); field 11 optional, a date when present.
 */
final class Dg13Decisions {

    static final String NO_EXPIRY = "Không thời hạn";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Dg13Decisions() {}

    static Dg13 read(Map<Integer, List<String>> fields, List<Dg13RawItem> raw) throws MalformedException {
        Dg13 strings = new Dg13(null, null, null, null, null, null, fields, raw);
        for (int required : new int[] {Dg13.NUMBER, Dg13.FULL_NAME, Dg13.DATE_OF_BIRTH, Dg13.SEX}) {
            if (strings.value(required).isEmpty()) {
                throw missing(required);
            }
        }
        if (!fields.containsKey(Dg13.DATE_OF_EXPIRY)) {
            throw missing(Dg13.DATE_OF_EXPIRY);
        }
        String number = strings.value(Dg13.NUMBER).get();
        if (!NationalNumber.isWellFormed(number)) {
            throw unreadable(Dg13.NUMBER);
        }
        LocalDate birth =
                date(Dg13.DATE_OF_BIRTH, strings.value(Dg13.DATE_OF_BIRTH).get());
        Sex sex = sex(strings.value(Dg13.SEX).get());
        String expiryText = strings.value(Dg13.DATE_OF_EXPIRY).orElse(NO_EXPIRY);
        LocalDate expiry = NO_EXPIRY.equalsIgnoreCase(expiryText) ? null : date(Dg13.DATE_OF_EXPIRY, expiryText);
        Optional<String> issueText = strings.value(Dg13.DATE_OF_ISSUE);
        LocalDate issue = issueText.isPresent() ? date(Dg13.DATE_OF_ISSUE, issueText.get()) : null;
        return new Dg13(number, strings.value(Dg13.FULL_NAME).get(), birth, sex, issue, expiry, fields, raw);
    }

    private static LocalDate date(int id, String text) throws MalformedException {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw unreadable(id);
        }
    }

    private static Sex sex(String text) throws MalformedException {
        return switch (text) {
            case "Nam" -> Sex.MALE;
            case "Nữ" -> Sex.FEMALE;
            default -> throw unreadable(Dg13.SEX);
        };
    }

    private static MalformedException missing(int id) {
        return new MalformedException(
                ReasonCode.DG13_FIELD_MISSING, "DG13 field " + id + " missing", Integer.toString(id));
    }

    private static MalformedException unreadable(int id) {
        return new MalformedException(
                ReasonCode.DATA_GROUP_MALFORMED, "DG13 number, date or sex unreadable", Integer.toString(id));
    }
}
