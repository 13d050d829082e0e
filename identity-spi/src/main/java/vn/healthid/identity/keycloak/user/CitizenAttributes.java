package vn.healthid.identity.keycloak.user;

/** User attribute names written from a verified chip; the user profile (realm JSON) makes them admin-edit only. */
public final class CitizenAttributes {

    public static final String NATIONAL_ID = "national_id";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";
    public static final String CARD_ISSUED = "card_issued";
    public static final String CARD_EXPIRY = "card_expiry";
    public static final String CHIP_VERIFIED_AT = "chip_verified_at";
    /** Set by an administrator on clinic staff: their FHIR Practitioner id. */
    public static final String PRACTITIONER_ID = "practitioner_id";

    private CitizenAttributes() {}
}
