package vn.healthid.bridge.coverage.gateway;

/** Masking of identity numbers for logs and messages (0790******45). */
public final class Masks {

    private Masks() {}

    public static String nationalId(String number) {
        if (number == null || number.length() < 8) {
            return "****";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }
}
