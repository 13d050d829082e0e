package vn.healthid.bridge.coverage;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Reference;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.access.Lookup;
import vn.healthid.bridge.coverage.check.CoverageChecks;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.coverage.fhir.EligibilityTranslator;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;

/** {@code CoverageEligibilityRequest} in, {@code CoverageEligibilityResponse} out: validation, access, check, translation. */
public final class EligibilityService {

    private static final Pattern FACILITY = Pattern.compile("^[0-9A-Z]{1,10}$");

    private final CoverageAccess access;
    private final CoverageChecks checks;
    private final EligibilityTranslator translator;
    private final Map<String, String> facilityByClient;
    private final Clock clock;

    public EligibilityService(
            CoverageAccess access,
            CoverageChecks checks,
            EligibilityTranslator translator,
            Map<String, String> facilityByClient,
            Clock clock) {
        this.access = access;
        this.checks = checks;
        this.translator = translator;
        this.facilityByClient = Map.copyOf(facilityByClient);
        this.clock = clock;
    }

    public CoverageEligibilityResponse check(CoverageEligibilityRequest request, Caller caller) {
        if (request == null) {
            throw new BridgeFhirException(CoverageError.COVERAGE_REQUEST_MISSING, "send a CoverageEligibilityRequest");
        }
        validatePurposes(request);
        var patient = request.getPatient().getReferenceElement();
        if (!"Patient".equals(patient.getResourceType()) || !patient.hasIdPart() || patient.isAbsolute()) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_PATIENT_REQUIRED, "patient must reference Patient/<id>");
        }
        Lookup subject = access.decide(caller, patient.getIdPart());
        var facility = facility(request, subject.clientId());
        var outcome = checks.check(subject.query(), subject.staff(), facility);
        return translator.toFhir(request, outcome, subject.patientId(), facility, Date.from(clock.instant()));
    }

    private static void validatePurposes(CoverageEligibilityRequest request) {
        if (request.getPurpose().isEmpty()) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_PURPOSE_REQUIRED, "purpose must hold validation and/or benefits");
        }
        for (var p : request.getPurpose()) {
            var v = p.getValue();
            if (v != EligibilityRequestPurpose.VALIDATION && v != EligibilityRequestPurpose.BENEFITS) {
                throw new BridgeFhirException(
                        CoverageError.COVERAGE_PURPOSE_NOT_SUPPORTED,
                        "only the purposes validation and benefits are supported");
            }
        }
    }

    /** The asking facility: the request's facility or provider identifier, else the one configured for the client. */
    private String facility(CoverageEligibilityRequest request, String clientId) {
        var code = identifierOf(request.getFacility());
        if (code == null) {
            code = identifierOf(request.getProvider());
        }
        if (code == null && clientId != null) {
            code = facilityByClient.get(clientId);
        }
        if (code == null) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_FACILITY_REQUIRED,
                    "name the facility (identifier " + CoverageFhir.BHYT_FACILITY + ")");
        }
        if (!FACILITY.matcher(code).matches()) {
            throw new BridgeFhirException(CoverageError.COVERAGE_FACILITY_INVALID, "facility code is malformed");
        }
        return code;
    }

    private static String identifierOf(Reference ref) {
        if (ref == null || !ref.hasIdentifier()) {
            return null;
        }
        var id = ref.getIdentifier();
        return CoverageFhir.BHYT_FACILITY.equals(id.getSystem()) ? id.getValue() : null;
    }
}
