package vn.healthid.bridge.identity;

/**
 * The FHIR identifier systems of healthid (shared with Keycloak, see the token contract and
 * docs/patient-id.md). The only place these URIs are spelled.
 */
public final class IdentifierSystems {

    /** The 12-digit citizen identity number (CCCD / personal identification number). */
    public static final String CCCD = "urn:vn:cccd";

    /** The 10-digit social-insurance number (ma so BHXH), lifelong key at Vietnam Social Security. */
    public static final String BHXH = "urn:vn:bhxh";

    /** The 15-character BHYT health-insurance card code. */
    public static final String BHYT_CARD = "urn:vn:bhyt-card";

    private IdentifierSystems() {}
}
