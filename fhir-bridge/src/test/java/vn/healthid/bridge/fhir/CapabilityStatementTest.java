package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.FhirValidation;

@Tag("conformance")
class CapabilityStatementTest extends BridgeIntegrationTest {

    private CapabilityStatement metadata() {
        return client(null).capabilities().ofType(CapabilityStatement.class).execute();
    }

    private CapabilityStatementRestResourceComponent patient(CapabilityStatement statement) {
        return statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Patient"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void isServedWithoutTokenAndValidates() {
        CapabilityStatement statement = metadata();

        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        FhirValidation.assertValid(statement);
    }

    @Test
    void listsExactlyTheSupportedPatientInteractionsAndParameters() {
        CapabilityStatementRestResourceComponent patient = patient(metadata());

        assertThat(patient.getInteraction().stream().map(i -> i.getCode()).toList())
                .containsExactlyInAnyOrder(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        assertThat(patient.getSearchParam().stream().map(p -> p.getName()).toList())
                .containsExactlyInAnyOrder("_id", "identifier");
        assertThat(patient.getSearchInclude()).isEmpty();
        assertThat(patient.getSearchRevInclude()).isEmpty();
        assertThat(patient.getReadHistory()).isFalse();
    }

    @Test
    void declaresSmartOnFhirSecurityWithTheRealmsEndpoints() {
        CapabilityStatement.CapabilityStatementRestSecurityComponent security =
                metadata().getRestFirstRep().getSecurity();

        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        List<String> uris = security.getExtensionFirstRep().getExtension().stream()
                .map(e -> e.getValue().primitiveValue())
                .toList();
        assertThat(uris).contains(ISSUER.issuer() + "/protocol/openid-connect/token");
    }
}
