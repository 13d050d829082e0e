package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * Seeded mutations (bit flips, truncations, insertions, length-byte corruptions) over every file of a valid bundle:
 * each one is a FAILED verdict, never an exception. The timeout guards against hangs, not performance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationTest {

    private static final String[] FILES = {"COM", "SOD", "DG1", "DG2", "DG13", "DG14", "DG15"};
    private static final int PER_FILE = 160;

    private final SandboxFixture sandbox = new SandboxFixture(31, SignatureScheme.ECDSA_P256_SHA256);
    private final Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));

    @Test
    void everyMutationOfEveryFileIsRejectedWithoutException() {
        ChipVerifier verifier = sandbox.verifier();
        byte[] nonce = SandboxFixture.nonce();
        byte[] valid = SandboxFixture.bundle(card, nonce);
        assertThat(verifier.verify(valid, nonce).verified()).isTrue();
        Random random = new Random(20261123L);
        List<String> accepted = new ArrayList<>();
        int[] count = {0};

        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (String name : FILES) {
                byte[] original = new BundleEditor(valid).file(name);
                for (int i = 0; i < PER_FILE; i++) {
                    int kind = i % 4;
                    byte[] mutated = mutate(original, kind, random);
                    if (Arrays.equals(mutated, original)) {
                        continue;
                    }
                    VerificationResult result = verifier.verify(
                            new BundleEditor(valid).file(name, mutated).json(), nonce);
                    count[0]++;
                    if (result.verified() || result.firstFailure().isEmpty()) {
                        accepted.add(name + " mutation " + i + " kind " + kind);
                    }
                }
            }
        });

        assertThat(count[0]).isGreaterThanOrEqualTo(1000);
        assertThat(accepted).isEmpty();
    }

    private static byte[] mutate(byte[] original, int kind, Random random) {
        byte[] copy = original.clone();
        switch (kind) {
            case 0 -> copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> copy = Arrays.copyOf(copy, random.nextInt(copy.length));
            case 2 -> {
                int at = random.nextInt(copy.length + 1);
                byte[] longer = new byte[copy.length + 1];
                System.arraycopy(copy, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(copy, at, longer, at + 1, copy.length - at);
                copy = longer;
            }
            default -> {
                // Length bytes: the byte after a tag, set to something long-form, huge or off by one.
                int at = Math.min(copy.length - 1, 1 + random.nextInt(Math.min(copy.length, 64)));
                int[] choices = {0x80, 0x84, 0xFF, (copy[at] & 0xFF) + 1, (copy[at] & 0xFF) - 1, 0x00};
                copy[at] = (byte) choices[random.nextInt(choices.length)];
            }
        }
        return copy;
    }
}
