package vn.healthid.sandbox.cards;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** How each CardFault changes what goes on the card (the data side; the signing side is in CardIssuer). */
final class CardFaults {

    static final String TAMPERED_RESIDENCE = "Số 1 Đường Giả Mạo, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh";

    private CardFaults() {}

    /** The citizen data the card will carry, signed into the SOD. */
    static Citizen holder(Citizen citizen, CardFault fault, SandboxPki pki) {
        String number = citizen.number();
        return switch (fault) {
            case NUMBER_DOB_MISMATCH -> {
                // Digits 5-6 are the birth year: shift them so they name another year.
                int year = Integer.parseInt(number.substring(4, 6));
                yield citizen.withNumber(
                        number.substring(0, 4) + String.format("%02d", (year + 7) % 100) + number.substring(6));
            }
            case NUMBER_SEX_MISMATCH -> {
                // Digit 4 is century and sex: even male, odd female; flipping the low bit keeps the century.
                int centurySex = number.charAt(3) - '0';
                yield citizen.withNumber(number.substring(0, 3) + (centurySex ^ 1) + number.substring(4));
            }
            case EXPIRED_CARD -> {
                LocalDate expiry =
                        LocalDate.ofInstant(pki.now(), ZoneOffset.UTC).minusDays(30);
                LocalDate issue = citizen.dateOfIssue().isBefore(expiry) ? citizen.dateOfIssue() : expiry.minusYears(5);
                yield citizen.withValidity(issue, expiry);
            }
            default -> citizen;
        };
    }

    /** The number DG1's optional data carries: the holder's, or for DG1_NUMBER_MISMATCH another province's. */
    static String mrzNumber(Citizen holder, CardFault fault) {
        String number = holder.number();
        if (fault != CardFault.DG1_NUMBER_MISMATCH) {
            return number;
        }
        int province = Integer.parseInt(number.substring(0, 3));
        return String.format("%03d", (province + 1) % 1000) + number.substring(3);
    }

    /** TAMPERED_DG13: the same citizen with another address, encoded after the SOD was signed. */
    static Citizen tampered(Citizen holder) {
        return holder.withPlaceOfResidence(TAMPERED_RESIDENCE);
    }

    static DocumentSigner signer(CardFault fault, SandboxPki pki) {
        return switch (fault) {
            case UNKNOWN_CSCA -> pki.rogueSigner();
            case EXPIRED_DS -> pki.expiredSigner();
            case REVOKED_DS -> pki.revokedSigner();
            default -> pki.signer();
        };
    }
}
