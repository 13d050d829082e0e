package vn.healthid.identity.keycloak.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.healthid.identity.chip.Proof;

class ChipLevelsTest {

    private final ChipLevels levels =
            new ChipLevels(ChipLevels.DEFAULT_ACR_ACTIVE, 3, ChipLevels.DEFAULT_ACR_PASSIVE, 1);

    @Test
    void activeProofEarnsTheTopLevel() {
        assertThat(levels.forProof(Proof.PASSIVE_AND_ACTIVE))
                .isEqualTo(new ChipLevels.Level("urn:vn:healthid:acr:chip-aa", 3));
    }

    @Test
    void passiveOnlyProofEarnsThePassiveLevel() {
        assertThat(levels.forProof(Proof.PASSIVE_ONLY))
                .isEqualTo(new ChipLevels.Level("urn:vn:healthid:acr:chip-pa", 1));
    }

    @Test
    void refusesConfigurationWherePassiveIsNotBelowActive() {
        assertThatThrownBy(() -> new ChipLevels("a", 2, "p", 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
