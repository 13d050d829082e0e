package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

/** Malformed bundles and files are a FAILED result with a reason, never an exception, never a hang. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private final SandboxFixture sandbox = new SandboxFixture(29, SignatureScheme.ECDSA_P256_SHA256);
    private final ChipVerifier verifier = sandbox.verifier();
    private final Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
    private final byte[] nonce = SandboxFixture.nonce();

    Stream<String> fileNames() {
        return Stream.of("COM", "SOD", "DG1", "DG2", "DG13", "DG14", "DG15");
    }

    private BundleEditor bundle() {
        return new BundleEditor(SandboxFixture.bundle(card, nonce));
    }

    private VerificationResult verify(byte[] json) {
        return verifier.verify(json, nonce);
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void rejectsTruncatedFile(String name) {
        BundleEditor bundle = bundle();
        byte[] file = bundle.file(name);

        VerificationResult result =
                verify(bundle.file(name, Arrays.copyOf(file, file.length / 2)).json());

        assertThat(result.verified()).isFalse();
        assertThat(result.firstFailure()).get().extracting(CheckResult::check).isEqualTo(Check.DATA_GROUP_HASHES);
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void rejectsFileWithWrongTag(String name) {
        BundleEditor bundle = bundle();
        byte[] file = bundle.file(name);
        file[0] = 0x42;

        VerificationResult result = verify(bundle.file(name, file).json());

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isIn(ReasonCode.SOD_MALFORMED, ReasonCode.DATA_GROUP_MALFORMED, ReasonCode.DG_HASH_MISMATCH);
    }

    @Test
    void rejectsSodDeclaringHugeLength() {
        byte[] huge = {0x77, (byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x30, 0x00};

        VerificationResult result = verify(bundle().file("SOD", huge).json());

        assertThat(result.firstFailure()).get().extracting(CheckResult::reason).isEqualTo(ReasonCode.SOD_MALFORMED);
    }

    @Test
    void rejectsComDeclaringHugeLength() {
        byte[] huge = {0x60, (byte) 0x84, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00};

        VerificationResult result = verify(bundle().file("COM", huge).json());

        assertThat(result.firstFailure())
                .get()
                .extracting(CheckResult::reason)
                .isEqualTo(ReasonCode.DATA_GROUP_MALFORMED);
    }

    @Test
    void rejectsDeeplyNestedSod() {
        byte[] nested = new byte[4000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80; // indefinite length, nested 2000 deep
        }
        nested[0] = 0x77;

        VerificationResult result = verify(bundle().file("SOD", nested).json());

        assertThat(result.firstFailure()).get().extracting(CheckResult::reason).isEqualTo(ReasonCode.SOD_MALFORMED);
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void rejectsRandomBytes(String name) {
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(3000)];
            random.nextBytes(noise);

            VerificationResult result = verify(bundle().file(name, noise).json());

            assertThat(result.verified()).isFalse();
            assertThat(result.firstFailure()).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[]",
                "null",
                "42",
                "{\"format\":\"healthid-chip-bundle/2\",\"challenge\":\"AAAA\",\"files\":{}}",
                "{\"format\":\"healthid-chip-bundle/1\",\"files\":{}}",
                "{\"format\":\"healthid-chip-bundle/1\",\"challenge\":\"AAAA\",\"files\":[]}",
                "{\"format\":\"healthid-chip-bundle/1\",\"format\":\"healthid-chip-bundle/1\"}",
                "{\"format\":\"healthid-chip-bundle/1\",\"challenge\":\"AAAA\",\"files\":{\"SOD\":42}}",
                "{\"format\":\"healthid-chip-bundle/1\",\"challenge\":\"AAAA\",\"files\":{\"SOD\":\"!!!\"}}",
                "{\"format\":\"healthid-chip-bundle/1\",\"challenge\":\"AAAA\",\"files\":{\"SOD\":\"ab-+\"}}",
                "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
                "{} {}"
            })
    void rejectsMalformedJson(String json) {
        VerificationResult result = verify(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.check(Check.BUNDLE).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_MALFORMED);
        assertThat(result.checks()).hasSize(Check.values().length);
        assertThat(result.checks().subList(1, result.checks().size()))
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKED));
    }

    @Test
    void rejectsBadBase64InAFile() {
        VerificationResult result = verify(bundle().fileText("DG1", "YV5f%%%").json());

        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_MALFORMED);
    }

    @Test
    void acceptsUrlAlphabetAndMissingPadding() {
        BundleEditor bundle = bundle();
        String url = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bundle.file("DG13"));

        VerificationResult result = verify(bundle.fileText("DG13", url).json());

        assertThat(result.verified()).isTrue();
    }

    @Test
    void rejectsUnknownFile() {
        VerificationResult result =
                verify(bundle().file("DG3", new byte[] {0x63, 0x00}).json());

        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_UNKNOWN_FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOD", "DG1", "DG13"})
    void rejectsMissingRequiredFile(String name) {
        VerificationResult result = verify(bundle().withoutFile(name).json());

        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_MISSING_FILE);
    }

    @Test
    void rejectsBundleOverTheSizeLimit() {
        byte[] big = new byte[ChipBundleParser.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');

        VerificationResult result = verify(big);

        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_TOO_LARGE);
    }

    @Test
    void ignoresUnknownTopLevelFields() {
        VerificationResult result = verify(bundle().field("reader", "kiosk-7").json());

        assertThat(result.verified()).isTrue();
    }

    @Test
    void rejectsPresentedDataGroupMissingFromSod() {
        Card withoutAa = sandbox.card(CardSpec.defaults().withAaKey(AaKey.NONE));
        byte[] foreignDg15 = bundle().file("DG15");
        byte[] json = new BundleEditor(SandboxFixture.bundle(withoutAa, nonce))
                .file("DG15", foreignDg15)
                .json();

        VerificationResult result = verify(json);

        assertThat(result.firstFailure()).get().extracting(CheckResult::reason).isEqualTo(ReasonCode.DG_HASH_MISSING);
    }

    @Test
    void rejectsComListingOtherDataGroupsThanTheSod() {
        BundleEditor bundle = bundle();
        byte[] com = bundle.file("COM");
        int list = com.length - 1;
        com[list] = 0x70; // last listed tag becomes DG16, which the SOD does not hash

        VerificationResult result = verify(bundle.file("COM", com).json());

        assertThat(result.firstFailure()).get().extracting(CheckResult::reason).isEqualTo(ReasonCode.COM_SOD_MISMATCH);
    }

    @Test
    void rejectsCallerBuiltBundleWithoutSod() {
        ChipBundle bundle = new ChipBundle(
                SandboxFixture.base64Url(nonce), java.util.Map.of("DG1", new byte[] {1}, "DG13", new byte[] {1}), null);

        VerificationResult result = verifier.verify(bundle, nonce);

        assertThat(result.check(Check.BUNDLE).reason()).isEqualTo(ReasonCode.BUNDLE_MISSING_FILE);
        assertThat(result.verified()).isFalse();
    }
}
