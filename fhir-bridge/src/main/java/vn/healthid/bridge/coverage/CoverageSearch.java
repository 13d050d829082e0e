package vn.healthid.bridge.coverage;

import java.util.List;
import org.hl7.fhir.r4.model.Coverage;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.check.CoverageChecks;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.coverage.fhir.CoverageTranslator;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;

/**
 * A person's BHYT card as the gateway reports it today: access, check, translation, stale tag.
 * Empty when there is no usable card. Same access rules and cache as the eligibility check.
 */
public final class CoverageSearch {

    /** Cache-key facility for lookups not made at a facility. */
    static final String NO_FACILITY = "-";

    private final CoverageAccess access;
    private final CoverageChecks checks;
    private final CoverageTranslator translator;

    public CoverageSearch(CoverageAccess access, CoverageChecks checks, CoverageTranslator translator) {
        this.access = access;
        this.checks = checks;
        this.translator = translator;
    }

    /** {@code patientType} as the reference named it (null when bare), {@code patientId} its id. */
    public List<Coverage> byPatient(String patientType, String patientId, Caller caller) {
        if (patientId == null || (patientType != null && !"Patient".equals(patientType))) {
            throw new BridgeFhirException(CoverageError.COVERAGE_PATIENT_REQUIRED, "patient must be Patient/<id>");
        }
        var subject = access.decide(caller, patientId);
        var outcome = checks.check(subject.query(), subject.staff(), NO_FACILITY);
        var coverage = translator.toFhir(outcome.result(), subject.patientId());
        if (coverage == null || !outcome.result().code().meaning().complete()) {
            return List.of();
        }
        coverage.setId(subject.patientId() + "-bhyt");
        if (outcome.stale()) {
            coverage.getMeta()
                    .addTag(CoverageFhir.CS_FRESHNESS, "stale", "Served from cache: the gateway did not answer");
        }
        return List.of(coverage);
    }
}
