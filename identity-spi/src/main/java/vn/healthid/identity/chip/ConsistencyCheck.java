package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;

/**
 * The data groups agree with each other and with today: DG13's required fields are present, the MRZ (document
 * number, optional data, date of birth, sex, expiry) matches DG13, the 12-digit number's century/sex digit and year
 * digits match the date of birth and sex, and the card has not expired. Evidence names fields, never their values.
 */
final class ConsistencyCheck {

    static final String NO_EXPIRY_DG13 = "Không thời hạn";
    static final String NO_EXPIRY_MRZ = "991231";
    private static final DateTimeFormatter DG13_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final Dg13Parser dg13Parser = new Dg13Parser();

    CheckResult run(Verification v) {
        Mrz mrz;
        Dg13 dg13;
        try {
            mrz = Mrz.fromDg1(v.file("DG1"));
            dg13 = dg13Parser.parse(v.file("DG13"));
        } catch (MalformedException e) {
            return failed(e.reason(), "detail", e.getMessage());
        }
        for (int required : new int[] {Dg13.NUMBER, Dg13.FULL_NAME, Dg13.DATE_OF_BIRTH, Dg13.SEX}) {
            if (dg13.value(required).isEmpty()) {
                return failed(ReasonCode.DG13_FIELD_MISSING, "field", Integer.toString(required));
            }
        }
        if (!dg13.has(Dg13.DATE_OF_EXPIRY)) {
            return failed(ReasonCode.DG13_FIELD_MISSING, "field", Integer.toString(Dg13.DATE_OF_EXPIRY));
        }
        String number = dg13.value(Dg13.NUMBER).get();
        Optional<LocalDate> birth = date(dg13.value(Dg13.DATE_OF_BIRTH).get());
        Optional<Sex> sex = sex(dg13.value(Dg13.SEX).get());
        String expiryText = dg13.value(Dg13.DATE_OF_EXPIRY).orElse(NO_EXPIRY_DG13);
        Optional<LocalDate> expiry = NO_EXPIRY_DG13.equalsIgnoreCase(expiryText) ? Optional.empty() : date(expiryText);
        Optional<LocalDate> issue = dg13.value(Dg13.DATE_OF_ISSUE).flatMap(ConsistencyCheck::date);
        if (!NationalNumber.isWellFormed(number)
                || birth.isEmpty()
                || sex.isEmpty()
                || (expiry.isEmpty() && !NO_EXPIRY_DG13.equalsIgnoreCase(expiryText))
                || (dg13.value(Dg13.DATE_OF_ISSUE).isPresent() && issue.isEmpty())) {
            return failed(ReasonCode.DATA_GROUP_MALFORMED, "detail", "DG13 number, date or sex unreadable");
        }
        Optional<String> mismatch = MrzAgreement.mismatch(mrz, number, birth.get(), sex.get(), expiry);
        if (mismatch.isPresent()) {
            return failed(ReasonCode.MRZ_DG13_MISMATCH, "field", mismatch.get());
        }
        ReasonCode numberAgreement = NationalNumber.agreesWith(number, birth.get(), sex.get());
        if (numberAgreement != ReasonCode.OK) {
            return failed(numberAgreement, "number", NationalNumber.mask(number));
        }
        if (expiry.isPresent() && v.today.isAfter(expiry.get())) {
            return failed(ReasonCode.CARD_EXPIRED, "today", v.today.toString());
        }
        v.citizen = new VerifiedCitizen(
                number,
                dg13.value(Dg13.FULL_NAME).get(),
                birth.get(),
                sex.get(),
                dg13.value(Dg13.NATIONALITY).orElse(null),
                dg13.value(Dg13.ETHNICITY).orElse(null),
                dg13.value(Dg13.RELIGION).orElse(null),
                dg13.value(Dg13.PLACE_OF_ORIGIN).orElse(null),
                dg13.value(Dg13.PLACE_OF_RESIDENCE).orElse(null),
                issue.orElse(null),
                expiry.orElse(null),
                dg13.value(Dg13.PARENTS, 0).orElse(null),
                dg13.value(Dg13.PARENTS, 1).orElse(null),
                dg13.value(Dg13.OLD_ID_NUMBER).orElse(null),
                mrz.documentNumber());
        return CheckResult.succeeded(Check.CONSISTENCY, Map.of("number", NationalNumber.mask(number)));
    }

    static String mrzDate(LocalDate date) {
        return date.format(MRZ_DATE);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DG13_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Sex> sex(String text) {
        return switch (text) {
            case "Nam" -> Optional.of(Sex.MALE);
            case "Nữ" -> Optional.of(Sex.FEMALE);
            default -> Optional.empty();
        };
    }

    private static CheckResult failed(ReasonCode reason, String key, String value) {
        return CheckResult.failed(Check.CONSISTENCY, reason, Map.of(key, value));
    }
}
