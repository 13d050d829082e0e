package vn.healthid.identity.keycloak.login;

/** User-session notes a chip login leaves for the claims mappers (verified_claims, acr). */
public final class ChipSessionNotes {

    public static final String VERIFIED_AT = "healthid.chip.verified_at";
    public static final String METHOD = "healthid.chip.method";
    public static final String ACR = "healthid.chip.acr";

    private ChipSessionNotes() {}
}
