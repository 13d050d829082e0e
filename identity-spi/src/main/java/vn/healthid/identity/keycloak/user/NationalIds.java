package vn.healthid.identity.keycloak.user;

/** Masking for logs and events: a full identity number never leaves the server outside a token. */
public final class NationalIds {

    private NationalIds() {}

    /** {@code 079012345645} -> {@code 0790******45}; anything shorter than 8 characters is fully masked. */
    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "******";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }
}
