package vn.healthid.sandbox.cards;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The CCCD validity rule: a card is renewed at 25, 40 and 60 and is valid until that birthday;
 * a card issued within two years before a renewal age runs to the next one; from 58 on (within
 * two years of 60) it never expires.
 */
final class CardValidity {

    private static final List<Integer> RENEWAL_AGES = List.of(25, 40, 60);
    private static final int GRACE_YEARS = 2;

    private CardValidity() {}

    /** The date of expiry for a card issued on {@code issue}; null for no expiry. */
    static LocalDate expiry(LocalDate dateOfBirth, LocalDate issue) {
        int ageAtIssue = Period.between(dateOfBirth, issue).getYears();
        for (int renewalAge : RENEWAL_AGES) {
            if (ageAtIssue < renewalAge - GRACE_YEARS) {
                return dateOfBirth.plusYears(renewalAge);
            }
        }
        return null;
    }
}
