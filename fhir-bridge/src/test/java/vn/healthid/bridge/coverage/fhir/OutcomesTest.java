package vn.healthid.bridge.coverage.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.fhir.ErrorCode;

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
    void everyCoverageRefusalCarriesABridgeCodeOfItsOwnAndOnlyAnotherPersonIsOutsideTheCompartment() {
        var bridgeCodes = new HashSet<ErrorCode>();
        for (var refusal : Outcomes.REFUSALS.entrySet()) {
            var e = Outcomes.forbidden(refusal.getKey(), "why");
            var codings = ((OperationOutcome) e.getOperationOutcome())
                    .getIssueFirstRep()
                    .getDetails()
                    .getCoding();
            assertThat(codings.get(0).getSystem()).isEqualTo(ErrorCode.SYSTEM);
            assertThat(codings.get(0).getCode()).isEqualTo(refusal.getValue().name());
            assertThat(codings.get(1).getCode()).isEqualTo(refusal.getKey());
            assertThat(e.getStatusCode()).isEqualTo(refusal.getValue().status());
            assertThat(bridgeCodes.add(refusal.getValue()))
                    .as("bridge code of %s is shared", refusal.getKey())
                    .isTrue();
        }
        assertThat(Outcomes.REFUSALS)
                .containsEntry("COVERAGE_NOT_OWN_PATIENT", ErrorCode.PATIENT_COMPARTMENT)
                .containsEntry("COVERAGE_SELF_SERVICE_DISABLED", ErrorCode.SELF_SERVICE_DISABLED)
                .containsEntry("COVERAGE_SCOPE_MISSING", ErrorCode.SCOPE_INSUFFICIENT)
                .containsEntry("COVERAGE_CONSENT_REQUIRED", ErrorCode.CONSENT_REQUIRED);
    }

    @Test
    void everyRefusalTheAccessRulesCanMakeHasABridgeCode() throws IOException {
        var thrown = Pattern.compile("new AccessDenied\\(\\s*\"([A-Z_]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            var codes = sources.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            return thrown.matcher(Files.readString(f)).results().map(m -> m.group(1));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toSet());
            assertThat(codes).isNotEmpty();
            assertThat(Outcomes.REFUSALS.keySet()).containsAll(codes);
        }
    }

    @Test
    void aScopeRefusalTellsTheClientWhichScopeErrorItIs() {
        var e = Outcomes.forbidden("COVERAGE_SCOPE_MISSING", "no Coverage scope");
        assertThat(e.getResponseHeaders().get("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
        assertThat(Outcomes.forbidden("COVERAGE_SELF_SERVICE_DISABLED", "off").getResponseHeaders())
                .doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void aRefusalCodeNobodyMappedIsAServerErrorNotAWrongLabel() {
        assertThat(Outcomes.forbidden("COVERAGE_SOMETHING_NEW", "x").getStatusCode())
                .isEqualTo(500);
    }
}
