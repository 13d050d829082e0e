package vn.healthid.reader.mrz;

import java.util.Objects;
import java.util.Optional;
import vn.healthid.reader.chip.AccessKey;

/**
 * The key to open the chip, with where it came from: typed, the MRZ lines, or the front QR code. A key from the QR
 * code has a derived, unverified expiry: when the chip refuses it, {@link #qr()} lets the reader ask for the date
 * printed on the card and try again.
 */
public record CardKey(AccessKey key, Optional<CardQr> qr) {

    public CardKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(qr, "qr");
    }

    public static CardKey of(AccessKey key) {
        return new CardKey(key, Optional.empty());
    }

    public static CardKey fromQr(CardQr qr, int mrzDigits) {
        return new CardKey(qr.key(mrzDigits), Optional.of(qr));
    }

    public static CardKey fromMrzLines(String lines) throws MrzInputException {
        return of(Td1Mrz.parse(lines));
    }

    /** True when the date of expiry is a derivation (the QR code has none), not what the card says. */
    public boolean expiryUnverified() {
        return qr.isPresent();
    }

    public CardKey withCan(String can) {
        return new CardKey(key.withCan(can), qr);
    }
}
