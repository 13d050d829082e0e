package vn.healthid.identity.keycloak.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.chip.ChipBundle;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

class CardNumberTest {

    @Test
    void readsTheTwelveDigitNumberFromTheMrzOfDg1() {
        Citizen citizen = Population.generate(7, 1, LocalDate.now()).get(0);
        Card card = new CardIssuer(SandboxPki.generate(7, SignatureScheme.ECDSA_P256_SHA256, Instant.now()))
                .issue(citizen, CardSpec.defaults());

        assertThat(CardNumber.claimedBy(bundleWith(card.files().get("DG1")))).contains(citizen.number());
    }

    @Test
    void malformedDg1GivesNoNumber() {
        assertThat(CardNumber.claimedBy(bundleWith(new byte[] {0x61, 0x05, 0x5F, 0x1F, (byte) 0x84, 0x7F})))
                .isEmpty();
        assertThat(CardNumber.claimedBy(new ChipBundle("c", Map.of(), null))).isEmpty();
    }

    private static ChipBundle bundleWith(byte[] dg1) {
        return new ChipBundle("c", Map.of("DG1", dg1), null);
    }
}
