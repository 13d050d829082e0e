package vn.healthid.reader.mrz;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.healthid.reader.chip.AccessKey;

/**
 * The three 30-character lines of a TD1 machine-readable zone (ICAO Doc 9303 part 5, section 4.2.2), pasted or
 * OCR'd from the back of the card, checked digit by digit before they are used as a BAC key:
 *
 * <pre>
 * line 1: 1-2 document code, 3-5 issuing state, 6-14 document number, 15 its check digit, 16-30 optional data
 * line 2: 1-6 date of birth, 7 check, 8 sex, 9-14 date of expiry, 15 check, 16-18 nationality,
 *         19-29 optional data, 30 composite check digit (over line 1 6-30, line 2 1-7, 9-15 and 19-29)
 * line 3: the name
 * </pre>
 *
 * A document number longer than 9 characters has {@code <} in position 15 and continues in the optional data, its
 * check digit last (part 5, note j); CCCD numbers in the MRZ are 9 digits (docs/cccd-chip.md, "DG1 optional data").
 */
public final class Td1Mrz {

    private static final int LENGTH = 30;

    private Td1Mrz() {}

    /** Lines separated by line breaks (spaces, e.g. OCR's, are dropped), or the 90 characters in one run. */
    public static AccessKey parse(String text) throws MrzInputException {
        List<String> lines = lines(text);
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String number;
        if (l1.charAt(14) == '<' && l1.charAt(15) != '<') {
            String rest = l1.substring(15).replaceAll("<+$", "");
            if (rest.length() < 2) {
                throw new MrzInputException("the long document number has no check digit");
            }
            String all = l1.substring(5, 14) + rest.substring(0, rest.length() - 1);
            check(all, rest.charAt(rest.length() - 1), "document number");
            number = all;
        } else {
            check(l1.substring(5, 14), l1.charAt(14), "document number");
            number = l1.substring(5, 14).replaceAll("<+$", "");
        }
        check(l2.substring(0, 6), l2.charAt(6), "date of birth");
        check(l2.substring(8, 14), l2.charAt(14), "date of expiry");
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        check(composite, l2.charAt(29), "composite");
        if (number.length() > 9) {
            throw new MrzInputException("the document number is longer than BAC's 9 characters on this card");
        }
        try {
            return new AccessKey(number, l2.substring(0, 6), l2.substring(8, 14), null);
        } catch (IllegalArgumentException e) {
            throw new MrzInputException("the MRZ " + e.getMessage());
        }
    }

    private static List<String> lines(String text) throws MrzInputException {
        if (text == null) {
            throw new MrzInputException("no MRZ lines");
        }
        String upper = text.toUpperCase(Locale.ROOT).replace('\r', '\n').replaceAll("[ \\t]", "");
        List<String> lines =
                Arrays.stream(upper.split("\n")).filter(l -> !l.isEmpty()).toList();
        if (lines.size() == 1 && lines.get(0).length() == 3 * LENGTH) {
            String one = lines.get(0);
            lines = List.of(one.substring(0, 30), one.substring(30, 60), one.substring(60));
        }
        if (lines.size() != 3) {
            throw new MrzInputException("a TD1 MRZ has three lines");
        }
        for (String line : lines) {
            if (line.length() != LENGTH) {
                throw new MrzInputException("each MRZ line has 30 characters");
            }
            if (!line.matches("[0-9A-Z<]+")) {
                throw new MrzInputException("an MRZ line has only A-Z, 0-9 and <");
            }
        }
        return lines;
    }

    private static void check(String field, char digit, String what) throws MrzInputException {
        if (!CheckDigit.matches(field, digit)) {
            throw new MrzInputException("the check digit of the " + what + " is wrong: retype or rescan the MRZ");
        }
    }
}
