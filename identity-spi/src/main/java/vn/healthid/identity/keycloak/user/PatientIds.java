package vn.healthid.identity.keycloak.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared patient logical id (docs/patient-id.md): {@code "p" + first 32 chars of lowercase unpadded base32(
 * HMAC-SHA256(key, "urn:vn:cccd|" + number))}. Stable, and not reversible without the key.
 */
public final class PatientIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private final SecretKeySpec key;

    /** The smallest key docs/patient-id.md allows: an HMAC-SHA256 key shorter than its output weakens it. */
    static final int MIN_KEY_BYTES = 32;

    public PatientIds(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("patient-id-key must be at least " + MIN_KEY_BYTES + " bytes (base64)");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String forNationalId(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("urn:vn:cccd|" + number).getBytes(StandardCharsets.UTF_8));
            return "p" + base32(digest).substring(0, 32).toLowerCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
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
