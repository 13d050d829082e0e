package vn.healthid.sandbox.cards;

import java.time.LocalDate;

/**
 * The 12-digit personal identification number (the repository's docs/cccd-chip.md, "The 12-digit number"): province code, a
 * century/sex digit (1900s: 0 male / 1 female, 2000s: 2 / 3, ...), two birth-year digits, six
 * random digits.
 */
final class IdentityNumbers {

    private IdentityNumbers() {}

    static String compose(String provinceCode, LocalDate dateOfBirth, Sex sex, int serial) {
        if (serial < 0 || serial > 999_999) {
            throw new IllegalArgumentException("the serial part has six digits");
        }
        return provinceCode
                + centurySexDigit(dateOfBirth.getYear(), sex)
                + String.format("%02d%06d", dateOfBirth.getYear() % 100, serial);
    }

    static int centurySexDigit(int year, Sex sex) {
        int century = year / 100 - 19;
        if (century < 0 || century > 4) {
            throw new IllegalArgumentException("no century digit for year " + year);
        }
        return century * 2 + (sex == Sex.FEMALE ? 1 : 0);
    }
}
