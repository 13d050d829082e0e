package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * Seeded mutations (bit flips, truncations, insertions, length-byte corruptions) over every file of a valid bundle:
 * each one is a FAILED verdict, never an exception. Then the EF.SOD mutation families that keep the DS signature
 * valid (issue 20 item 3: unsigned attributes, [1] crls content, signer-identifier names, signature-algorithm
 * parameters, digestAlgorithms entries), each with its expected verdict (docs/cccd-chip.md, EF.SOD section). The
 * timeouts guard against hangs, not performance.
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

    /** One SOD mutation family: seeded variants of the SOD and the verdict each must get. */
    private record Family(
            String name, Fixture fixture, Function<Random, UnaryOperator<byte[]>> variant, Expected expected) {}

    /** {@code reason} null: the variant is allowed by ICAO 9303-10 / RFC 5652 and must verify. */
    private record Expected(ReasonCode reason) {
        static Expected verified() {
            return new Expected(null);
        }
    }

    private record Fixture(SandboxFixture sandbox, Card card) {}

    private static final int PER_FAMILY = 40;

    @Test
    void everySodMutationFamilyGetsItsExpectedVerdict() {
        Fixture ecdsa = new Fixture(sandbox, card);
        SandboxFixture rsaSandbox = new SandboxFixture(11, SignatureScheme.RSA_PKCS1_SHA256);
        Fixture rsa = new Fixture(rsaSandbox, rsaSandbox.card(CardSpec.defaults()));
        List<Family> families = List.of(
                new Family(
                        "unknown unsigned attribute",
                        ecdsa,
                        SodMutations::unknownUnsignedAttribute,
                        new Expected(ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED)),
                new Family(
                        "junk in [1] crls", ecdsa, SodMutations::junkCrls, new Expected(ReasonCode.SOD_CRLS_MALFORMED)),
                new Family(
                        "issuer name case, string type or RDN order",
                        ecdsa,
                        r -> SodMutations.lenientIssuer(r, sandbox.pki.documentSigner()),
                        new Expected(ReasonCode.SOD_SIGNER_IDENTIFIER_MISMATCH)),
                new Family(
                        "ECDSA signature parameters added",
                        ecdsa,
                        SodMutations::addedSignatureParameters,
                        new Expected(ReasonCode.SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID)),
                new Family(
                        "RSA signature NULL replaced",
                        rsa,
                        SodMutations::addedSignatureParameters,
                        new Expected(ReasonCode.SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID)),
                new Family(
                        "RSA signature NULL removed (RFC 5754: accepted)",
                        rsa,
                        r -> SodMutations.removedSignatureParameters(),
                        Expected.verified()),
                new Family(
                        "digestAlgorithms entry duplicated",
                        ecdsa,
                        SodMutations::duplicatedDigestAlgorithm,
                        new Expected(ReasonCode.SOD_DIGEST_ALGORITHM_DUPLICATE)),
                new Family(
                        "digestAlgorithms entry no signer uses",
                        ecdsa,
                        SodMutations::unusedDigestAlgorithm,
                        new Expected(ReasonCode.SOD_DIGEST_ALGORITHM_UNUSED)));
        Random random = new Random(20261203L);
        List<String> wrong = new ArrayList<>();
        int[] count = {0};

        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (Family family : families) {
                byte[] nonce = SandboxFixture.nonce();
                byte[] valid = SandboxFixture.bundle(family.fixture().card(), nonce);
                byte[] original = new BundleEditor(valid).file("SOD");
                ChipVerifier verifier = family.fixture().sandbox().verifier();
                for (int i = 0; i < PER_FAMILY; i++) {
                    byte[] mutated = family.variant().apply(random).apply(original);
                    if (Arrays.equals(mutated, original)) {
                        continue;
                    }
                    VerificationResult result = verifier.verify(
                            new BundleEditor(valid).file("SOD", mutated).json(), nonce);
                    count[0]++;
                    if (!hasVerdict(result, family.expected())) {
                        wrong.add(family.name() + " #" + i + ": " + result.failures());
                    }
                }
            }
        });

        assertThat(count[0]).isGreaterThanOrEqualTo(families.size() * PER_FAMILY * 9 / 10);
        assertThat(wrong).isEmpty();
    }

    private static boolean hasVerdict(VerificationResult result, Expected expected) {
        if (expected.reason() == null) {
            return result.verified();
        }
        return !result.verified()
                && result.failures().size() == 1
                && result.failures().get(0).check() == Check.SOD_SIGNATURE
                && result.failures().get(0).reason() == expected.reason();
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
