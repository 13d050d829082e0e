package vn.healthid.reader.mrz;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The date a CCCD card expires, derived from the date of birth and the date of issue (docs/vietnam.md, section
 * "CCCD validity"): a card is renewed at the renewal ages and is valid until that birthday; a card issued within two
 * years before a renewal age runs to the next one; past the last it never expires. Cards issued from 1 July 2024 (Law
 * on Identification 26/2023/QH15, art. 21) add 14 to the ages of the Law on Citizen Identification 59/2014/QH13.
 */
public final class CccdValidity {

    static final LocalDate NEW_LAW = LocalDate.of(2024, 7, 1);
    private static final List<Integer> AGES_2014 = List.of(25, 40, 60);
    private static final List<Integer> AGES_2024 = List.of(14, 25, 40, 60);
    private static final int GRACE_YEARS = 2;

    private CccdValidity() {}

    /** Empty: the card never expires. */
    public static Optional<LocalDate> expiry(LocalDate dateOfBirth, LocalDate issued) {
        int ageAtIssue = Period.between(dateOfBirth, issued).getYears();
        List<Integer> ages = issued.isBefore(NEW_LAW) ? AGES_2014 : AGES_2024;
        for (int age : ages) {
            if (ageAtIssue < age - GRACE_YEARS) {
                return Optional.of(dateOfBirth.plusYears(age));
            }
        }
        return Optional.empty();
    }
}
