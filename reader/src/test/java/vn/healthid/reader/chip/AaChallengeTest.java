package vn.healthid.reader.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.bundle.ChipBundle;

class AaChallengeTest {

    /** The worked example of docs/chip-bundle.md, "Writing a reader". */
    @Test
    void derivesTheDocumentedRndIfdOfTheExampleNonce() {
        byte[] nonce = ChipBundle.decodeNonce("uL05UoCxMl-1aZJyT4NjMEZ6--XBkfSURltfb2rzlX8");

        assertThat(HexFormat.of().withUpperCase().formatHex(AaChallenge.rndIfd(nonce)))
                .isEqualTo("0168EDBFFAA3A53F");
    }

    @Test
    void agreesWithTheSandboxCardsOwnImplementationOfTheRule() {
        byte[] nonce = ChipBundle.decodeNonce(Sandbox.nonce());

        assertThat(AaChallenge.rndIfd(nonce)).isEqualTo(vn.healthid.sandbox.cards.AaChallenge.derive(nonce));
    }

    @Test
    void refusesANonceShorterThan128Bits() {
        assertThatThrownBy(() -> AaChallenge.rndIfd(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
