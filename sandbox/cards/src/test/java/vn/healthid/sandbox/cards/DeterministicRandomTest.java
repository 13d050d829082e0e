package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class DeterministicRandomTest {

    @Test
    void sameSeedAndLabelGiveTheSameBytesAndKeys() throws Exception {
        byte[] first = new byte[100];
        byte[] second = new byte[100];
        DeterministicRandom.of(1, "a").nextBytes(first);
        DeterministicRandom.of(1, "a").nextBytes(second);
        assertThat(first).isEqualTo(second);
        assertThat(ecKey(DeterministicRandom.of(3, "k"))).isEqualTo(ecKey(DeterministicRandom.of(3, "k")));
    }

    @Test
    void anotherSeedOrLabelGivesOtherBytes() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        byte[] c = new byte[32];
        DeterministicRandom.of(1, "a").nextBytes(a);
        DeterministicRandom.of(2, "a").nextBytes(b);
        DeterministicRandom.of(1, "b").nextBytes(c);
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    private static byte[] ecKey(DeterministicRandom random) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair().getPublic().getEncoded();
    }
}
