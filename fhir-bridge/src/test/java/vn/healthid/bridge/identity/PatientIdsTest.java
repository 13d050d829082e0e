package vn.healthid.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthid.bridge.config.PatientIdProperties;

class PatientIdsTest {

    private final PatientIds ids = new PatientIds(PatientIdProperties.SANDBOX_KEY);

    @Test
    void followsTheSharedSchemeComputedIndependently() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(PatientIdProperties.SANDBOX_KEY), "HmacSHA256"));
        byte[] digest = mac.doFinal("urn:vn:cccd|079090001234".getBytes(StandardCharsets.UTF_8));
        String expected = "p"
                + new Base32()
                        .encodeAsString(digest)
                        .replace("=", "")
                        .toLowerCase(Locale.ROOT)
                        .substring(0, 32);

        assertThat(ids.forNationalId("079090001234")).isEqualTo(expected);
    }

    /** The one table of vectors both modules test against (docs/patient-id.md). */
    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/patient-id-vectors.csv", numLinesToSkip = 1)
    void matchesTheSharedKnownAnswerVectors(String number, String expected) {
        assertThat(ids.forNationalId(number)).isEqualTo(expected);
    }

    @Test
    void isStableAndNeverContainsTheNumber() {
        String id = ids.forNationalId("079090001234");

        assertThat(ids.forNationalId("079090001234")).isEqualTo(id);
        assertThat(id).hasSize(33).startsWith("p").matches("[a-z2-7p]+").doesNotContain("079090001234");
    }

    @Test
    void dependsOnTheKey() {
        PatientIds other = new PatientIds(Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(other.forNationalId("079090001234")).isNotEqualTo(ids.forNationalId("079090001234"));
    }

    @Test
    void matchesOnlyTheNumbersOwnId() {
        String id = ids.forNationalId("079090001234");

        assertThat(ids.matches(id, "079090001234")).isTrue();
        assertThat(ids.matches(id, "079090001235")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "07909000123", "0790900012345", "07909000123a"})
    void refusesWhatIsNotATwelveDigitNumber(String number) {
        assertThatThrownBy(() -> ids.forNationalId(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysShorterThan32Bytes() {
        assertThatThrownBy(() -> new PatientIds(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"f,my", "fo,mzxq", "foo,mzxw6", "foob,mzxw6yq", "fooba,mzxw6ytb", "foobar,mzxw6ytboi"})
    void base32MatchesRfc4648Vectors(String input, String expected) {
        assertThat(PatientIds.base32(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void masksNationalIdsForLogs() {
        assertThat(NationalIds.mask("079012345678")).isEqualTo("0790******78");
    }
}
