package vn.healthid.bridge.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The patient logical id scheme shared with Keycloak (docs/patient-id.md): {@code "p"} + the first
 * 32 characters of lowercase unpadded base32 of HMAC-SHA256(key, "urn:vn:cccd|" + number). Stable,
 * not reversible without the key, never the number itself.
 */
public final class PatientIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int ID_CHARS = 32;

    private final SecretKeySpec key;

    public PatientIds(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalArgumentException("healthid.patient-id.key must be at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String forNationalId(String number) {
        if (!NationalIds.isValid(number)) {
            throw new IllegalArgumentException("not a 12-digit citizen identity number");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((IdentifierSystems.CCCD + "|" + number).getBytes(StandardCharsets.UTF_8));
            return "p" + base32(digest).substring(0, ID_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code patientId} is the id of {@code number}; constant-time comparison. */
    public boolean matches(String patientId, String number) {
        return MessageDigest.isEqual(
                forNationalId(number).getBytes(StandardCharsets.US_ASCII),
                patientId.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 4648 base32, lowercase, no padding. */
    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }
}
