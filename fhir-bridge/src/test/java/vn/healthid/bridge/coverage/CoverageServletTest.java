package vn.healthid.bridge.coverage;

import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.healthid.bridge.audit.AuditProperties;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Person;

/**
 * Base of the coverage tests through the real servlet: one gateway stand-in and one Spring context
 * for every subclass (same properties), real signed tokens, the audit trail.
 */
public abstract class CoverageServletTest extends BridgeIntegrationTest {

    protected static final GatewayStandIn GATEWAY = GatewayStandIn.start(0);
    protected static final String CLINIC = "clinic-reception";
    protected static final String SELF_SERVICE_CCCD = "079085007777";

    static {
        // Not stopped after a class: the cached context of the next subclass still calls it.
        Runtime.getRuntime().addShutdownHook(new Thread(GATEWAY::stop));
    }

    @Autowired
    protected EventStream streams;

    @Autowired
    protected AuditProperties auditProperties;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("healthid.gateway.base-url", GATEWAY::baseUrl);
        registry.add("healthid.gateway.username", () -> GATEWAY.credentials().username());
        registry.add("healthid.gateway.password", () -> GATEWAY.credentials().password());
        registry.add("healthid.gateway.request-timeout", () -> "3s");
        // Answers go stale at once, so that a test can see the stale path through the servlet.
        registry.add("healthid.gateway.cache.ttl", () -> "1ms");
        registry.add("healthid.gateway.access.self-service-staff-name", () -> "Cán Bộ Tự Phục Vụ");
        registry.add("healthid.gateway.access.self-service-staff-national-id", () -> SELF_SERVICE_CCCD);
    }

    @BeforeEach
    void normalGateway() {
        GATEWAY.faults().reset();
    }

    /** Keycloak's split of a Vietnamese name: the family name first, the rest given names. */
    protected static String familyName(Person p) {
        return p.hoTen().substring(0, p.hoTen().indexOf(' '));
    }

    protected static String givenName(Person p) {
        return p.hoTen().substring(p.hoTen().indexOf(' ') + 1);
    }

    private static TokenBuilder verifiedCitizen(Person p) {
        return ISSUER.token()
                .citizen(p.cccd())
                .claim("name", p.hoTen())
                .claim("family_name", familyName(p))
                .claim("given_name", givenName(p))
                .claim("birthdate", StandIns.birthDate(p).toString());
    }

    /** The citizen's own token with their verified name and birth date. */
    protected static String citizenToken(Person p, String scope) {
        return verifiedCitizen(p).scope(scope).sign();
    }

    /** The citizen's chip-present token as the clinic back channel issues it. */
    protected static String chipPresentToken(Person p) {
        return chipPresentToken(p, "patient/CoverageEligibilityRequest.c patient/Coverage.rs");
    }

    protected static String chipPresentToken(Person p, String scope) {
        return verifiedCitizen(p)
                .claim("azp", CLINIC)
                .claim("act", Map.of("client_id", CLINIC))
                .scope(scope)
                .sign();
    }

    protected static String clerkToken() {
        return ISSUER.token()
                .claim("azp", CLINIC)
                .claim("name", StandIns.CLERK.name())
                .claim("national_id", StandIns.CLERK.nationalId())
                .scope("user/CoverageEligibilityRequest.c")
                .sign();
    }

    /** The coverage feature's stable code of an OperationOutcome body. */
    protected static String coverageCode(String body) {
        var oo = FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
        return oo.getIssueFirstRep().getDetails().getCoding().stream()
                .filter(c -> CoverageError.SYSTEM.equals(c.getSystem()))
                .map(c -> c.getCode())
                .findFirst()
                .orElse(null);
    }
}
