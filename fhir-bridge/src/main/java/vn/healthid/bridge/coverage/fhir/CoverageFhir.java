package vn.healthid.bridge.coverage.fhir;

/** Every identifier system, code system, extension and profile URL of the coverage feature. */
public final class CoverageFhir {

    private CoverageFhir() {}

    public static final String CCCD = "urn:vn:cccd";
    public static final String BHXH = "urn:vn:bhxh";
    public static final String BHYT_CARD = "urn:vn:bhyt-card";
    /** Facility codes of the BHYT system (maCSKCB / maDKBD). */
    public static final String BHYT_FACILITY = "urn:vn:bhyt-facility";
    /** Payor identifiers; VSS is {@link #VSS_CODE}. */
    public static final String PAYOR = "urn:vn:healthid:payor";

    public static final String VSS_CODE = "VSS";
    public static final String VSS_NAME = "Bảo hiểm xã hội Việt Nam (Vietnam Social Security)";

    private static final String BASE = "https://healthid.vn/fhir/";
    public static final String SD = BASE + "StructureDefinition/";
    public static final String CS = BASE + "CodeSystem/";

    public static final String PROFILE_COVERAGE = SD + "bhyt-coverage";
    public static final String PROFILE_ELIGIBILITY_RESPONSE = SD + "bhyt-eligibility-response";
    public static final String PROFILE_ENCOUNTER = SD + "bhyt-encounter";

    public static final String EXT_FIVE_YEAR_DATE = SD + "bhyt-five-year-date";
    public static final String EXT_REGISTERED_FACILITY = SD + "bhyt-registered-facility";
    public static final String EXT_RENEWED_CARD = SD + "bhyt-renewed-card";
    public static final String EXT_AREA_CODE = SD + "bhyt-area-code";
    public static final String EXT_AT_REGISTERED_FACILITY = SD + "bhyt-at-registered-facility";
    public static final String EXT_ANSWER_WARNING = SD + "answer-warning";
    public static final String EXT_ADMISSION_REASON = SD + "bhyt-admission-reason";

    public static final String CS_RESULT = CS + "bhyt-result";
    public static final String CS_BENEFICIARY_GROUP = CS + "bhyt-beneficiary-group";
    public static final String CS_BENEFIT_LEVEL = CS + "bhyt-benefit-level";
    public static final String CS_BENEFIT = CS + "bhyt-benefit";
    public static final String CS_FRESHNESS = CS + "answer-freshness";

    public static final String HL7_COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
    public static final String HL7_BENEFIT_TYPE = "http://terminology.hl7.org/CodeSystem/benefit-type";
    public static final String HL7_BENEFIT_NETWORK = "http://terminology.hl7.org/CodeSystem/benefit-network";
    public static final String HL7_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
}
