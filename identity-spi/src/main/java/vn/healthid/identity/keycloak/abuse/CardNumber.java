package vn.healthid.identity.keycloak.abuse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.healthid.identity.chip.ChipBundle;

/**
 * The 12-digit number a bundle claims (TD1 MRZ optional data 1 in DG1), read before verification so that failures
 * can be counted per card. Unverified: used only as a lockout key and, masked, in events. A small bounded reader of
 * its own: no general-purpose parser runs on untrusted bytes here.
 */
public final class CardNumber {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
    private static final int TD1_LENGTH = 90;

    private CardNumber() {}

    public static Optional<String> claimedBy(ChipBundle bundle) {
        byte[] dg1 = bundle.files().get("DG1");
        return dg1 == null ? Optional.empty() : mrz(dg1).flatMap(CardNumber::number);
    }

    /** DG1 is {@code 61 L 5F1F L <MRZ>}; lengths in short form or {@code 81 xx}. */
    private static Optional<String> mrz(byte[] dg1) {
        for (int i = 0; i + 3 < dg1.length && i < 8; i++) {
            if ((dg1[i] & 0xff) == 0x5F && (dg1[i + 1] & 0xff) == 0x1F) {
                int length = dg1[i + 2] & 0xff;
                int start = i + 3;
                if (length == 0x81) {
                    length = dg1[i + 3] & 0xff;
                    start = i + 4;
                }
                if (length == TD1_LENGTH && start + length <= dg1.length) {
                    return Optional.of(new String(dg1, start, length, StandardCharsets.US_ASCII));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> number(String mrz) {
        String optionalData = mrz.substring(15, 30).replace("<", "");
        return TWELVE_DIGITS.matcher(optionalData).matches() ? Optional.of(optionalData) : Optional.empty();
    }
}
