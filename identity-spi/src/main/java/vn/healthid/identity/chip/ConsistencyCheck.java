package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data groups agree with each other and with today: DG13's decision fields are present and well formed
 * ({@link Dg13Parser}), the MRZ optional data carries DG13's number, the rest of the MRZ (document number, date of
 * birth, sex, expiry) matches DG13, the 12-digit number's century/sex digit and year digits match the date of birth
 * and sex, and the card has not expired (docs/cccd-chip.md). Evidence names fields, never their values.
 */
final class ConsistencyCheck {

    static final String NO_EXPIRY_DG13 = Dg13Decisions.NO_EXPIRY;
    static final String NO_EXPIRY_MRZ = "991231";
    private static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final Dg13Parser dg13Parser = new Dg13Parser();

    CheckResult run(Verification v) {
        Mrz mrz;
        Dg13 dg13;
        try {
            mrz = Mrz.fromDg1(v.file("DG1"));
            dg13 = dg13Parser.parse(v.file("DG13"));
        } catch (MalformedException e) {
            return e.field() == null
                    ? failed(e.reason(), Map.of("detail", e.getMessage()))
                    : failed(e.reason(), Map.of("field", e.field(), "detail", e.getMessage()));
        }
        String number = dg13.number();
        if (!MrzAgreement.numberAgrees(mrz, number)) {
            return failed(
                    ReasonCode.DG1_DG13_NUMBER_MISMATCH,
                    Map.of("field", "optionalData", "number", NationalNumber.mask(number)));
        }
        Optional<LocalDate> expiry = Optional.ofNullable(dg13.dateOfExpiry());
        Optional<String> mismatch = MrzAgreement.mismatch(mrz, number, dg13.dateOfBirth(), dg13.sex(), expiry);
        if (mismatch.isPresent()) {
            return failed(ReasonCode.MRZ_DG13_MISMATCH, Map.of("field", mismatch.get()));
        }
        ReasonCode numberAgreement = NationalNumber.agreesWith(number, dg13.dateOfBirth(), dg13.sex());
        if (numberAgreement != ReasonCode.OK) {
            return failed(numberAgreement, Map.of("number", NationalNumber.mask(number)));
        }
        if (expiry.isPresent() && v.today.isAfter(expiry.get())) {
            return failed(ReasonCode.CARD_EXPIRED, Map.of("today", v.today.toString()));
        }
        v.citizen = citizen(dg13, mrz);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("number", NationalNumber.mask(number));
        if (!dg13.raw().isEmpty()) {
            // Ids and kinds only: the raw bytes are personal data.
            evidence.put(
                    "dg13Raw", dg13.raw().stream().map(Dg13RawItem::describe).collect(Collectors.joining(",")));
        }
        return CheckResult.succeeded(Check.CONSISTENCY, evidence);
    }

    static String mrzDate(LocalDate date) {
        return date.format(MRZ_DATE);
    }

    private static VerifiedCitizen citizen(Dg13 dg13, Mrz mrz) {
        return new VerifiedCitizen(
                dg13.number(),
                dg13.fullName(),
                dg13.dateOfBirth(),
                dg13.sex(),
                dg13.attribute("nationality").orElse(null),
                dg13.attribute("ethnicity").orElse(null),
                dg13.attribute("religion").orElse(null),
                dg13.attribute("placeOfOrigin").orElse(null),
                dg13.attribute("placeOfResidence").orElse(null),
                dg13.dateOfIssue(),
                dg13.dateOfExpiry(),
                dg13.attribute("fatherName").orElse(null),
                dg13.attribute("motherName").orElse(null),
                dg13.attribute("oldIdNumber").orElse(null),
                mrz.documentNumber());
    }

    private static CheckResult failed(ReasonCode reason, Map<String, String> evidence) {
        return CheckResult.failed(Check.CONSISTENCY, reason, evidence);
    }
}
