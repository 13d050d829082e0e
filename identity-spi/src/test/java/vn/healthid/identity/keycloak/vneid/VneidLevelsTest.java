package vn.healthid.identity.keycloak.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VneidLevelsTest {

    @Test
    void mapsAccountLevelsToTheContractAcrValuesAndLevels() {
        assertThat(VneidLevels.DEFAULT.forAccountLevel(1))
                .isEqualTo(new VneidLevels.Level("urn:vn:healthid:acr:vneid-1", 1));
        assertThat(VneidLevels.DEFAULT.forAccountLevel(2))
                .isEqualTo(new VneidLevels.Level("urn:vn:healthid:acr:vneid-2", 2));
    }

    @Test
    void refusesAConfigurationWhereLevelTwoIsNotAboveLevelOne() {
        assertThatThrownBy(() -> new VneidLevels("a", 2, "b", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsNoThirdAccountLevel() {
        assertThatThrownBy(() -> VneidLevels.DEFAULT.forAccountLevel(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalMessagesEndWithTheReasonCodeAndHoldNoApostrophe() {
        VneidRefusal low = VneidRefusal.levelTooLow(1, 2);

        assertThat(low.reason()).isEqualTo("VNEID_LEVEL_TOO_LOW");
        assertThat(low.userMessage()).endsWith("[VNEID_LEVEL_TOO_LOW]").doesNotContain("'");
        assertThat(low.upstreamFault()).isFalse();
        assertThat(VneidRefusal.unavailable(null).upstreamFault()).isTrue();
    }
}
