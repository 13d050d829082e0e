package vn.healthid.bridge.telehealth.persist;

/** Every code system and code telehealth writes, in one place (documented in docs/telehealth.md). */
public final class TelehealthCodes {

    /** Local service-type system: HL7's service-type value set has no teleconsultation code. */
    public static final String SERVICE_TYPE_SYSTEM = "https://healthid.vn/fhir/CodeSystem/service-type";

    public static final String TELECONSULTATION = "teleconsultation";

    public static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /** Encounter.class of a telehealth session: virtual. */
    public static final String VIRTUAL = "VR";

    private TelehealthCodes() {}
}
