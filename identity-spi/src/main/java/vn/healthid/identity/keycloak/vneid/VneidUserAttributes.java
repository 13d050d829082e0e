package vn.healthid.identity.keycloak.vneid;

/**
 * User attributes the VNeID broker writes. {@code vneid_verified_at} is set only by a level-2 login (identity verified
 * in person): with the chip's {@code chip_verified_at} it marks an account whose national id may be linked to.
 */
public final class VneidUserAttributes {

    public static final String VNEID_VERIFIED_AT = "vneid_verified_at";

    private VneidUserAttributes() {}
}
