package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import vn.healthid.bridge.coverage.access.AccessDenied;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.access.Lookup;
import vn.healthid.bridge.coverage.fhir.CoverageFhir;
import vn.healthid.bridge.coverage.fhir.CoverageTranslator;
import vn.healthid.bridge.coverage.fhir.Outcomes;
import vn.healthid.bridge.security.CallerAuthentication;

/**
 * {@code GET /fhir/Coverage?patient=Patient/<id>}: the person's BHYT card as the gateway reports it
 * today (empty when there is no usable card). Same access rules and cache as the eligibility check.
 */
public final class CoverageSearchProvider implements IResourceProvider {

    /** Cache-key facility for lookups not made at a facility. */
    static final String NO_FACILITY = "-";

    private final CoverageAccess access;
    private final CoverageChecks checks;
    private final CoverageTranslator translator;

    public CoverageSearchProvider(CoverageAccess access, CoverageChecks checks, CoverageTranslator translator) {
        this.access = access;
        this.checks = checks;
        this.translator = translator;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Coverage.class;
    }

    @Search
    public List<Coverage> byPatient(@RequiredParam(name = Coverage.SP_PATIENT) ReferenceParam patient) {
        var id = patient.getIdPart();
        if (id == null || (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType()))) {
            throw Outcomes.invalid("COVERAGE_PATIENT_REQUIRED", "patient must be Patient/<id>");
        }
        Lookup subject;
        try {
            subject = access.decide(CallerAuthentication.current().orElse(null), id);
        } catch (AccessDenied e) {
            throw Outcomes.forbidden(e.code(), e.getMessage());
        }
        CheckOutcome outcome;
        try {
            outcome = checks.check(subject.query(), subject.staff(), NO_FACILITY);
        } catch (CoverageUnavailableException e) {
            throw Outcomes.unavailable(e.timeout());
        }
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
