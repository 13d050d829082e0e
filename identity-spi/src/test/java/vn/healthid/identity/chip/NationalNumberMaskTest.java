package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The chip verifier's evidence masks numbers by the rule the bridge and Keycloak share. */
class NationalNumberMaskTest {

    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/national-id-mask-vectors.csv", numLinesToSkip = 1)
    void masksAsTheSharedVectorsSay(String number, String masked) {
        assertThat(NationalNumber.mask(number)).isEqualTo(masked);
    }
}
