package vn.healthid.bridge.coverage.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.fhir.BridgeError;

class OutcomesTest {

    @Test
    void aGatewayThatDidNotAnswerInTimeIsA504Timeout() {
        var e = Outcomes.unavailable(true);
        var issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
        assertThat(e.getStatusCode()).isEqualTo(504);
        assertThat(issue.getCode()).isEqualTo(IssueType.TIMEOUT);
        assertThat(issue.getDetails().getCoding()).anyMatch(c -> c.getCode().equals("COVERAGE_GATEWAY_TIMEOUT"));
    }

    @Test
    void aGatewayThatFailedIsA503Transient() {
        var e = Outcomes.unavailable(false);
        var issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(issue.getCode()).isEqualTo(IssueType.TRANSIENT);
        assertThat(issue.getDetails().getCoding()).anyMatch(c -> c.getCode().equals("COVERAGE_GATEWAY_UNAVAILABLE"));
    }

    @Test
    void aCardTheGatewayCannotUseIs422WithTheGatewaysCodeAndAFailedGatewayIs503() {
        var revoked = Outcomes.noUsableCard(ResultCode.REVOKED);
        assertThat(revoked.getStatusCode()).isEqualTo(422);
        assertThat(((OperationOutcome) revoked.getOperationOutcome())
                        .getIssueFirstRep()
                        .getDetails()
                        .getCoding())
                .anyMatch(c -> c.getCode().equals("COVERAGE_NO_USABLE_CARD"))
                .anyMatch(c -> c.getSystem().equals(CoverageFhir.CS_RESULT)
                        && c.getCode().equals("110"));
        var wrongName = Outcomes.noUsableCard(ResultCode.WRONG_NAME);
        assertThat(((OperationOutcome) wrongName.getOperationOutcome())
                        .getIssueFirstRep()
                        .getDetails()
                        .getCoding())
                .anyMatch(c -> c.getCode().equals("COVERAGE_IDENTITY_MISMATCH"));
        assertThat(Outcomes.noUsableCard(ResultCode.SERVER_ERROR).getStatusCode())
                .isEqualTo(503);
    }

    @Test
    void everyCoverageRefusalRefinesABridgeCodeOfItsOwnAndOnlyAnotherPersonIsOutsideTheCompartment() {
        var bridgeCodes = new HashSet<BridgeError>();
        for (var code : CoverageError.values()) {
            var general = code.refines().orElseThrow();
            assertThat(code.status()).isEqualTo(general.status());
            if (code.status() == 403) {
                assertThat(bridgeCodes.add(general))
                        .as("bridge code of %s is shared", code)
                        .isTrue();
            }
        }
        assertThat(Arrays.stream(CoverageError.values())
                        .filter(c -> c.refines().orElseThrow() == BridgeError.PATIENT_COMPARTMENT))
                .containsExactly(CoverageError.COVERAGE_NOT_OWN_PATIENT);
        assertThat(CoverageError.COVERAGE_SELF_SERVICE_DISABLED.refines()).contains(BridgeError.SELF_SERVICE_DISABLED);
        assertThat(CoverageError.COVERAGE_CHIP_REQUIRED.refines()).contains(BridgeError.CHIP_PRESENCE_REQUIRED);
        assertThat(CoverageError.COVERAGE_IDENTITY_INCOMPLETE.status()).isEqualTo(422);
    }
}
