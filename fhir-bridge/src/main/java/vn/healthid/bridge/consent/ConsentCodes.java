package vn.healthid.bridge.consent;

/** Code systems and codes of the bridge's Consent profile. */
public final class ConsentCodes {

    public static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String SCOPE_PRIVACY = "patient-privacy";
    public static final String LOINC = "http://loinc.org";
    public static final String CATEGORY_PATIENT_CONSENT = "59284-0";
    public static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String POLICY_OPT_IN = "OPTIN";
    public static final String PARTICIPATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String ROLE_RECIPIENT = "IRCP";
    public static final String CLIENT_ID_SYSTEM = "https://healthid.vn/fhir/sid/client-id";

    private ConsentCodes() {}
}
