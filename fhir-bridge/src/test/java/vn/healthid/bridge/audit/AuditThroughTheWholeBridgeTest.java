package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.FhirValidation;
import vn.healthid.bridge.testsupport.TokenBuilder;

/** The whole bridge with real signed tokens: the audit interceptor is plugged into its FHIR server. */
@Tag("conformance")
class AuditThroughTheWholeBridgeTest extends BridgeIntegrationTest {

    private static final String CITIZEN = "079092005678";

    @Autowired
    private EventStream streams;

    @Autowired
    private AuditProperties properties;

    @Test
    void citizensReadIsRecordedAndListedBackAsValidAuditEvents() {
        String patientId = TokenBuilder.patientIdOf(CITIZEN);
        String token = ISSUER.token()
                .citizen(CITIZEN)
                .scope("openid patient/Patient.rs patient/AuditEvent.rs")
                .sign();

        HttpResponse<String> read = get("/fhir/Patient/" + patientId, token);
        HttpResponse<String> listed = get("/fhir/AuditEvent", token);

        assertThat(read.statusCode()).isEqualTo(200);
        List<StreamEntry> own = streams.read(properties.patientStream(patientId), null, 100);
        assertThat(own).extracting(e -> e.fields().get("subtype")).contains("read");
        assertThat(own.toString()).doesNotContain(CITIZEN);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, listed.body());
        AuditEvent newest = (AuditEvent) bundle.getEntryFirstRep().getResource();
        assertThat(newest.getSubtypeFirstRep().getCode()).isEqualTo("read");
        assertThat(newest.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + patientId);
        FhirValidation.assertValid(bundle);
    }

    @Test
    void systemClientIsRefusedTheTrailAndTheRefusalIsRecorded() {
        String token = ISSUER.token().scope("system/AuditEvent.rs").sign();

        HttpResponse<String> response = get("/fhir/AuditEvent", token);

        assertThat(response.statusCode()).isEqualTo(403);
        List<StreamEntry> all = streams.read(properties.stream(), null, 10_000);
        assertThat(all.getLast().fields()).containsEntry("entity", "AuditEvent").containsEntry("outcome", "4");
    }
}
