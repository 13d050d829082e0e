package vn.healthid.sandbox.cards.chip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The chip's side of the BAC primitives (ICAO 9303-11 sections 9.7.1 and 9.8): SHA-1 key derivation, two-key 3DES in
 * CBC mode with a zero IV, the ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and padding method 2. Written
 * from the standard on purpose, without JMRTD's helpers, so that the reader's JMRTD code is tested against an
 * independent implementation.
 */
final class BacCrypto {

    static final int ENC = 1;
    static final int MAC = 2;
    private static final byte[] ZERO_IV = new byte[8];

    private BacCrypto() {}

    /** K_seed = the first 16 bytes of SHA-1(MRZ_information), section 9.7.1.1. */
    static byte[] keySeed(String documentNumber, String birth, String expiry) {
        String number =
                documentNumber.length() < 9 ? documentNumber + "<".repeat(9 - documentNumber.length()) : documentNumber;
        String mrzInformation = number + checkDigit(number) + birth + checkDigit(birth) + expiry + checkDigit(expiry);
        return Arrays.copyOf(sha1(mrzInformation.getBytes(StandardCharsets.US_ASCII)), 16);
    }

    /** K = the first 16 bytes of SHA-1(K_seed || c), c = 1 for encryption, 2 for the MAC (section 9.7.1). */
    static byte[] deriveKey(byte[] seed, int counter) {
        byte[] input = Arrays.copyOf(seed, seed.length + 4);
        input[input.length - 1] = (byte) counter;
        return Arrays.copyOf(sha1(input), 16);
    }

    static byte[] encrypt(byte[] key, byte[] data) {
        return tripleDes(Cipher.ENCRYPT_MODE, key, data);
    }

    static byte[] decrypt(byte[] key, byte[] data) {
        return tripleDes(Cipher.DECRYPT_MODE, key, data);
    }

    /** Retail MAC over data that the caller has already padded. */
    static byte[] mac(byte[] key, byte[] paddedData) {
        ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine());
        mac.init(new KeyParameter(key));
        mac.update(paddedData, 0, paddedData.length);
        byte[] out = new byte[8];
        mac.doFinal(out, 0);
        return out;
    }

    /** ISO/IEC 9797-1 padding method 2: 80, then zeros up to a multiple of 8. */
    static byte[] pad(byte[] data) {
        byte[] padded = Arrays.copyOf(data, (data.length / 8 + 1) * 8);
        padded[data.length] = (byte) 0x80;
        return padded;
    }

    /** Removes padding method 2; null when the padding is malformed. */
    static byte[] unpad(byte[] padded) {
        int i = padded.length - 1;
        while (i >= 0 && padded[i] == 0) {
            i--;
        }
        return i >= 0 && padded[i] == (byte) 0x80 ? Arrays.copyOf(padded, i) : null;
    }

    static String checkDigit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
            sum += value * weights[i % 3];
        }
        return Integer.toString(sum % 10);
    }

    private static byte[] tripleDes(int mode, byte[] key16, byte[] data) {
        try {
            byte[] key24 = Arrays.copyOf(key16, 24);
            System.arraycopy(key16, 0, key24, 16, 8);
            Cipher cipher = Cipher.getInstance("DESede/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key24, "DESede"), new IvParameterSpec(ZERO_IV));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("3DES is missing from this JVM", e);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
