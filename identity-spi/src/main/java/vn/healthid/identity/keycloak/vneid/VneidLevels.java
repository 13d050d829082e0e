package vn.healthid.identity.keycloak.vneid;

/**
 * VNeID's accountLevel to the acr and level of authentication (LoA) of the token contract: 1 ->
 * {@code urn:vn:healthid:acr:vneid-1} / 1, 2 -> {@code urn:vn:healthid:acr:vneid-2} / 2. The realm's acr-to-LoA map
 * must hold the same pairs (sandbox/realms/health-realm.json does).
 */
public record VneidLevels(String acrLevel1, int loaLevel1, String acrLevel2, int loaLevel2) {

    public static final String DEFAULT_ACR_1 = "urn:vn:healthid:acr:vneid-1";
    public static final String DEFAULT_ACR_2 = "urn:vn:healthid:acr:vneid-2";
    public static final VneidLevels DEFAULT = new VneidLevels(DEFAULT_ACR_1, 1, DEFAULT_ACR_2, 2);

    public VneidLevels {
        if (loaLevel1 < 1 || loaLevel2 <= loaLevel1) {
            throw new IllegalArgumentException("LoA of level 2 must be above LoA of level 1, both at least 1");
        }
    }

    public Level forAccountLevel(int accountLevel) {
        return switch (accountLevel) {
            case 1 -> new Level(acrLevel1, loaLevel1);
            case 2 -> new Level(acrLevel2, loaLevel2);
            default -> throw new IllegalArgumentException("VNeID account levels are 1 and 2");
        };
    }

    public record Level(String acr, int loa) {}
}
