package vn.healthid.identity.chip;

import java.time.LocalDate;

/**
 * The 12-digit personal identification number (docs/cccd-chip.md, "The 12-digit number"): digit 4 encodes century and sex (1900s male 0
 * / female 1, 2000s 2 / 3, ... 2300s 8 / 9), digits 5-6 the last two digits of the birth year.
 */
final class NationalNumber {

    private NationalNumber() {}

    static boolean isWellFormed(String number) {
        return number != null && number.length() == 12 && number.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Which part of the number disagrees with the date of birth and sex, or OK. */
    static ReasonCode agreesWith(String number, LocalDate dateOfBirth, Sex sex) {
        int centuryDigit = number.charAt(3) - '0';
        int yearDigits = Integer.parseInt(number.substring(4, 6));
        int year = dateOfBirth.getYear();
        if (yearDigits != year % 100 || centuryDigit / 2 != year / 100 - 19) {
            return ReasonCode.NUMBER_DOB_MISMATCH;
        }
        boolean female = centuryDigit % 2 == 1;
        if (female != (sex == Sex.FEMALE)) {
            return ReasonCode.NUMBER_SEX_MISMATCH;
        }
        return ReasonCode.OK;
    }

    /** 0790******45: enough to recognise a card in logs, not enough to identify a person. */
    static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "******";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }
}
