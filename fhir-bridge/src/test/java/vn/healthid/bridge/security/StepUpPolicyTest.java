package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.smart.GrantedScopes;

class StepUpPolicyTest {

    private final StepUpPolicy policy = new StepUpPolicy(Map.of(
            "urn:vn:healthid:acr:chip-aa", 3,
            "urn:vn:healthid:acr:vneid-2", 2,
            "urn:vn:healthid:acr:vneid-1", 1,
            "urn:vn:healthid:acr:chip-pa", 1));

    private static Caller withAcr(String acr) {
        return new Caller(
                "sub",
                "telehealth-app",
                GrantedScopes.of(java.util.List.of()),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(acr),
                Optional.empty());
    }

    @Test
    void passesAtOrAboveTheLevel() {
        policy.require(withAcr("urn:vn:healthid:acr:chip-aa"), 3);
        policy.require(withAcr("urn:vn:healthid:acr:vneid-2"), 2);
    }

    @Test
    void passiveOnlyChipNeverReachesTheTopLevel() {
        assertThatThrownBy(() -> policy.require(withAcr("urn:vn:healthid:acr:chip-pa"), 3))
                .isInstanceOfSatisfying(BridgeFhirException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STEP_UP_REQUIRED);
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getResponseHeaders().get("WWW-Authenticate").get(0))
                            .contains("error=\"insufficient_user_authentication\"")
                            .contains("acr_values=\"urn:vn:healthid:acr:chip-aa\"");
                });
    }

    @Test
    void namesEveryAcrThatIsEnough() {
        assertThatThrownBy(() -> policy.require(withAcr(null), 2))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.getResponseHeaders()
                                        .get("WWW-Authenticate")
                                        .get(0))
                                .contains("acr_values=\"urn:vn:healthid:acr:vneid-2 urn:vn:healthid:acr:chip-aa\""));
    }

    @Test
    void unknownAcrIsLevelZero() {
        assertThat(policy.levelOf(withAcr("urn:other"))).isZero();
    }
}
