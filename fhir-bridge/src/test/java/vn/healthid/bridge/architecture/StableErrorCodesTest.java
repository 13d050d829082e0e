package vn.healthid.bridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.audit.AuditError;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.telehealth.domain.TelehealthError;

/**
 * Clients branch on the codes, so a released code is never renamed or removed, and every code is
 * in the README's error table. A new feature's enum implementing {@link ErrorCode} joins {@link
 * #ALL}.
 */
class StableErrorCodesTest {

    private static final List<ErrorCode[]> ALL =
            List.of(BridgeError.values(), TelehealthError.values(), CoverageError.values(), AuditError.values());

    /** Every code as released (with its system), the newest last. */
    private static final Set<String> RELEASED = Set.of(
            "TOKEN_MISSING",
            "TOKEN_INVALID",
            "TOKEN_EXPIRED",
            "TOKEN_NOT_YET_VALID",
            "TOKEN_WRONG_ISSUER",
            "TOKEN_WRONG_AUDIENCE",
            "TOKEN_WRONG_TYPE",
            "TOKEN_CLAIM_INVALID",
            "TOKEN_SESSION_ENDED",
            "STEP_UP_REQUIRED",
            "SCOPE_INSUFFICIENT",
            "PATIENT_COMPARTMENT",
            "CONSENT_REQUIRED",
            "BODY_MALFORMED",
            "RESOURCE_TYPE_UNKNOWN",
            "PARAMETER_UNSUPPORTED",
            "PARAMETER_INVALID",
            "REQUEST_INVALID",
            "NOT_FOUND",
            "INTERACTION_UNSUPPORTED",
            "NOT_ACCEPTABLE",
            "VERSION_CONFLICT",
            "PRECONDITION_FAILED",
            "BODY_TOO_LARGE",
            "MEDIA_TYPE_UNSUPPORTED",
            "BUSINESS_RULE",
            "INTERNAL_ERROR",
            "UNAVAILABLE",
            "GATEWAY_TIMEOUT",
            "APPOINTMENT_INVALID",
            "APPOINTMENT_FIELD_IMMUTABLE",
            "APPOINTMENT_TRANSITION_INVALID",
            "APPOINTMENT_FINAL",
            "APPOINTMENT_ALREADY_BOOKED",
            "TRANSITION_VIA_JOIN_ONLY",
            "TRANSITION_NOT_ALLOWED_FOR_CALLER",
            "NOT_A_PARTICIPANT",
            "NOT_JOINABLE",
            "JOIN_TOO_EARLY",
            "JOIN_WINDOW_CLOSED",
            "TICKET_INVALID",
            "TICKET_WRONG_APPOINTMENT",
            "AUDIT_UNAVAILABLE",
            "COVERAGE_NOT_AUTHENTICATED",
            "COVERAGE_SCOPE_MISSING",
            "COVERAGE_CONSENT_REQUIRED",
            "COVERAGE_NOT_OWN_PATIENT",
            "COVERAGE_CHIP_REQUIRED",
            "COVERAGE_SELF_SERVICE_DISABLED",
            "COVERAGE_STAFF_IDENTITY_REQUIRED",
            "COVERAGE_STAFF_TOKEN_INVALID",
            "COVERAGE_IDENTITY_INCOMPLETE",
            "COVERAGE_REQUEST_MISSING",
            "COVERAGE_PATIENT_REQUIRED",
            "COVERAGE_PURPOSE_REQUIRED",
            "COVERAGE_FACILITY_REQUIRED",
            "COVERAGE_FACILITY_INVALID",
            "COVERAGE_PURPOSE_NOT_SUPPORTED",
            "COVERAGE_PARAMETER_UNSUPPORTED",
            "COVERAGE_NO_USABLE_CARD",
            "COVERAGE_IDENTITY_MISMATCH",
            "COVERAGE_GATEWAY_UNAVAILABLE",
            "COVERAGE_GATEWAY_TIMEOUT",
            "ACCESS_DENIED",
            "AUDIT_NOT_REPLICATED",
            "CHIP_PRESENCE_REQUIRED",
            "STAFF_TOKEN_REQUIRED",
            "STAFF_TOKEN_INVALID",
            "SELF_SERVICE_DISABLED");

    private static Stream<ErrorCode> codes() {
        return ALL.stream().flatMap(Stream::of);
    }

    @Test
    void noReleasedCodeIsRenamedOrRemoved() {
        assertThat(codes().map(ErrorCode::name)).containsAll(RELEASED);
    }

    @Test
    void everyCodeIsReleasedHere() {
        assertThat(RELEASED).containsAll(codes().map(ErrorCode::name).toList());
    }

    @Test
    void noTwoCodesShareANameInOneSystem() {
        assertThat(codes().map(c -> c.system() + "#" + c.name()))
                .doesNotHaveDuplicates()
                .hasSize((int) codes().count());
    }

    @Test
    void aFeatureCodeRefinesABridgeCodeOfTheSameStatus() {
        codes().forEach(code -> code.refines()
                .ifPresent(
                        general -> assertThat(general.status()).as(code.name()).isEqualTo(code.status())));
    }

    @Test
    void everyCodeIsInTheReadmesErrorTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> missing = codes().map(ErrorCode::name)
                .filter(name -> !readme.contains("`" + name + "`"))
                .collect(Collectors.toSet());
        assertThat(missing).as("codes missing from fhir-bridge/README.md").isEmpty();
    }
}
