package vn.healthid.identity.chip;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * ISO/IEC 9796-2 digital signature scheme 1 verification over raw RSA, as chips use it for active authentication
 * (ICAO 9303-11 section 6.1): recover F = header || M1 || H || trailer, take the hash from the trailer (BC = SHA-1,
 * xxCC = ISO/IEC 10118-3 identifier), and check H = hash(M1 || M2) with M2 the challenge (partial recovery), or
 * M1 = the challenge (total recovery).
 */
final class Iso9796Scheme1 {

    private Iso9796Scheme1() {}

    static ReasonCode verify(RSAPublicKey key, byte[] signature, byte[] challenge) {
        BigInteger n = key.getModulus();
        BigInteger s = new BigInteger(1, signature);
        int length = (n.bitLength() + 7) / 8;
        if (signature.length != length || s.signum() == 0 || s.compareTo(n) >= 0) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        BigInteger m = s.modPow(key.getPublicExponent(), n);
        if ((m.intValue() & 0x0F) != 0x0C) {
            m = n.subtract(m); // ISO/IEC 9796-2 lets the signer send min(s, n - s)
        }
        if ((m.intValue() & 0x0F) != 0x0C) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        byte[] f = fixedLength(m, length);
        return checkRecovered(f, challenge);
    }

    private static ReasonCode checkRecovered(byte[] f, byte[] challenge) {
        int header = f[0] & 0xFF;
        boolean partial = (header & 0xF0) == 0x60;
        if (!partial && (header & 0xF0) != 0x40) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        int start = 1;
        if ((header & 0x0F) == 0x0B) { // padding: 0xBB... then 0xBA before M1
            while (start < f.length && (f[start] & 0xFF) == 0xBB) {
                start++;
            }
            if (start >= f.length || (f[start] & 0xFF) != 0xBA) {
                return ReasonCode.AA_SIGNATURE_INVALID;
            }
            start++;
        } else if ((header & 0x0F) != 0x0A) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        int trailerLength;
        String digestName;
        if ((f[f.length - 1] & 0xFF) == 0xBC) {
            trailerLength = 1;
            digestName = "SHA-1";
        } else if ((f[f.length - 1] & 0xFF) == 0xCC) {
            trailerLength = 2;
            digestName = hashOfIdentifier(f[f.length - 2] & 0xFF);
            if (digestName == null) {
                return ReasonCode.AA_TRAILER_INVALID;
            }
        } else {
            return ReasonCode.AA_TRAILER_INVALID;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + digestName, e);
        }
        int hashEnd = f.length - trailerLength;
        int hashStart = hashEnd - digest.getDigestLength();
        if (hashStart < start) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        byte[] m1 = Arrays.copyOfRange(f, start, hashStart);
        byte[] h = Arrays.copyOfRange(f, hashStart, hashEnd);
        digest.update(m1);
        if (partial) {
            digest.update(challenge);
        } else if (!MessageDigest.isEqual(m1, challenge)) {
            return ReasonCode.AA_SIGNATURE_INVALID;
        }
        return MessageDigest.isEqual(digest.digest(), h) ? ReasonCode.OK : ReasonCode.AA_SIGNATURE_INVALID;
    }

    /** ISO/IEC 10118-3 hash-function identifiers used in the explicit trailer. */
    private static String hashOfIdentifier(int id) {
        return switch (id) {
            case 0x33 -> "SHA-1";
            case 0x34 -> "SHA-256";
            case 0x35 -> "SHA-512";
            case 0x36 -> "SHA-384";
            case 0x38 -> "SHA-224";
            default -> null;
        };
    }

    private static byte[] fixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
