package vn.healthid.identity.chip;

import java.nio.charset.StandardCharsets;

/**
 * DG1 (tag 61 holding 5F1F): a TD1 MRZ of three 30-character lines, check digits verified. For a CCCD the optional
 * data 1 starts with the 12-digit number and the document number holds its last 9 digits (docs/cccd-chip.md).
 *
 * @param optionalData1 line 1 positions 16-30 as written, fillers ({@code <}) included
 */
record Mrz(
        String documentCode,
        String issuingState,
        String documentNumber,
        String optionalData1,
        String dateOfBirth,
        char sex,
        String dateOfExpiry,
        String nationality) {

    private static final int DG1_TAG = 0x61;
    private static final int MRZ_TAG = 0x5F1F;
    private static final int TD1_LENGTH = 90;
    private static final int[] WEIGHTS = {7, 3, 1};

    static Mrz fromDg1(byte[] file) throws MalformedException {
        var children =
                Tlv.whole(file, DG1_TAG, ReasonCode.DATA_GROUP_MALFORMED).children(ReasonCode.DATA_GROUP_MALFORMED);
        if (children.size() != 1 || children.get(0).tag() != MRZ_TAG) {
            throw malformed("DG1 must hold one 5F1F");
        }
        String text = new String(children.get(0).value(), StandardCharsets.US_ASCII);
        if (text.length() != TD1_LENGTH
                || !text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) {
            throw malformed("not a TD1 MRZ");
        }
        String line1 = text.substring(0, 30);
        String line2 = text.substring(30, 60);
        String documentNumber = line1.substring(5, 14);
        requireCheckDigit(documentNumber, line1.charAt(14));
        String birth = line2.substring(0, 6);
        requireCheckDigit(birth, line2.charAt(6));
        String expiry = line2.substring(8, 14);
        requireCheckDigit(expiry, line2.charAt(14));
        String composite =
                line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        requireCheckDigit(composite, line2.charAt(29));
        return new Mrz(
                line1.substring(0, 2),
                line1.substring(2, 5),
                documentNumber,
                line1.substring(15, 30),
                birth,
                line2.charAt(7),
                expiry,
                line2.substring(15, 18));
    }

    /** The optional data without fillers; empty when the MRZ carries none. */
    String optionalData() {
        return optionalData1.replace("<", "");
    }

    /** The first 12 characters of the optional data, where CCCD readers take the 12-digit number from. */
    String numberInOptionalData() {
        return optionalData1.substring(0, 12);
    }

    private static void requireCheckDigit(String field, char expected) throws MalformedException {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * WEIGHTS[i % 3];
        }
        if (expected != (char) ('0' + sum % 10)) {
            throw malformed("MRZ check digit");
        }
    }

    private static MalformedException malformed(String detail) {
        return new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, detail);
    }
}
