package vn.healthid.sandbox.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one clinic account the stand-in accepts. The gateway expects the password as md5 hex. */
public record Credentials(String username, String password) {

    /** Sandbox-only account, documented in the README. */
    public static final Credentials SANDBOX = new Credentials("clinic-79071", "sandbox-gateway-password");

    public String passwordMd5Hex() {
        return md5Hex(password);
    }

    static String md5Hex(String s) {
        try {
            // MD5 because the real gateway asks for it; it protects nothing and is not used elsewhere.
            var digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(String user, String md5Hex) {
        if (user == null || md5Hex == null) {
            return false;
        }
        var expected = passwordMd5Hex().getBytes(StandardCharsets.US_ASCII);
        var given = md5Hex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return username.equals(user) && MessageDigest.isEqual(expected, given);
    }
}
