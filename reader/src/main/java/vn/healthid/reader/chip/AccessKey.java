package vn.healthid.reader.chip;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What opens the chip: the MRZ data for BAC (and PACE with the MRZ), optionally the card access number for PACE.
 * On a CCCD the document number in the MRZ is the last 9 digits of the 12-digit personal number (ICAO 9303-5 TD1
 * allows 9 characters there); {@link #fromPersonalNumber} takes that rule, with the digit count configurable.
 */
public record AccessKey(String documentNumber, String dateOfBirth, String dateOfExpiry, String can) {

    private static final Pattern YYMMDD = Pattern.compile("\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])");
    private static final Pattern DOCUMENT = Pattern.compile("[0-9A-Z<]{1,9}");
    private static final Pattern CAN = Pattern.compile("\\d{6}");

    public AccessKey {
        if (documentNumber != null) {
            requireMatch(DOCUMENT, documentNumber, "document number");
            requireMatch(YYMMDD, Objects.requireNonNull(dateOfBirth, "dateOfBirth"), "date of birth");
            // 991231 is the MRZ's "no expiry" of CCCD cards for people over 60; still a valid YYMMDD.
            requireMatch(YYMMDD, Objects.requireNonNull(dateOfExpiry, "dateOfExpiry"), "date of expiry");
        }
        if (can != null) {
            requireMatch(CAN, can, "CAN");
        }
        if (documentNumber == null && can == null) {
            throw new IllegalArgumentException("give the MRZ data (number, birth, expiry) or the CAN");
        }
    }

    /**
     * From the number printed on the card: 12 digits, of which the MRZ carries the last {@code mrzDigits} (9 on
     * CCCD). A number that is already {@code mrzDigits} long is taken as the document number itself.
     */
    public static AccessKey fromPersonalNumber(String number, String birth, String expiry, int mrzDigits) {
        String digits = Objects.requireNonNull(number, "number").strip();
        if (!digits.matches("\\d+") || (digits.length() != 12 && digits.length() != mrzDigits)) {
            throw new IllegalArgumentException(
                    "the card number must be 12 digits (or the " + mrzDigits + " of the MRZ)");
        }
        return new AccessKey(digits.substring(digits.length() - mrzDigits), birth, expiry, null);
    }

    public AccessKey withCan(String cardAccessNumber) {
        return new AccessKey(documentNumber, dateOfBirth, dateOfExpiry, cardAccessNumber);
    }

    public boolean hasMrz() {
        return documentNumber != null;
    }

    /** Never the values themselves: this record may reach a log by accident. */
    @Override
    public String toString() {
        return "AccessKey[mrz=" + hasMrz() + ", can=" + (can != null) + "]";
    }

    private static void requireMatch(Pattern pattern, String value, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("the " + what + " is not well formed");
        }
    }
}
