package vn.healthid.reader.mrz;

/**
 * MRZ, QR or typed card data that cannot open a chip: which field and why, in words safe to show (never the value).
 */
public final class MrzInputException extends Exception {

    public MrzInputException(String message) {
        super(message);
    }
}
