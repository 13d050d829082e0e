package vn.healthid.bridge.coverage;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import vn.healthid.bridge.security.CallerAuthentication;

/** {@code GET /fhir/Coverage?patient=Patient/<id>}, answered by {@link CoverageSearch}. */
public final class CoverageSearchProvider implements IResourceProvider {

    private final CoverageSearch search;

    public CoverageSearchProvider(CoverageSearch search) {
        this.search = search;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Coverage.class;
    }

    @Search
    public List<Coverage> byPatient(@RequiredParam(name = Coverage.SP_PATIENT) ReferenceParam patient) {
        return search.byPatient(
                patient.getResourceType(),
                patient.getIdPart(),
                CallerAuthentication.current().orElse(null));
    }
}
