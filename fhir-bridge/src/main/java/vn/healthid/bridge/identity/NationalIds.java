package vn.healthid.bridge.identity;

import java.util.regex.Pattern;

/** Checks and masks 12-digit citizen identity numbers; a masked number is safe to log. */
public final class NationalIds {

    private static final Pattern CCCD = Pattern.compile("^[0-9]{12}$");

    private NationalIds() {}

    public static boolean isValid(String number) {
        return number != null && CCCD.matcher(number).matches();
    }

    /**
     * {@code 079012345678} becomes {@code 0790******78}; anything shorter than 8 characters is
     * fully masked. The same rule as the Keycloak extension's, tested on both sides against
     * docs/contracts/national-id-mask-vectors.csv.
     */
    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "******";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }
}
