package vn.healthid.reader.mrz;

/**
 * The MRZ check digit of ICAO Doc 9303 part 3, section 4.9: weights 7, 3, 1 repeated; digits count as themselves,
 * letters A to Z as 10 to 35, the filler {@code <} as 0; the sum modulo 10.
 */
final class CheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {}

    static char of(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    static boolean matches(CharSequence field, char digit) {
        return of(field) == digit;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character");
    }
}
