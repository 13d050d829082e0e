package vn.healthid.identity.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class NationalIdsTest {

    @ParameterizedTest
    @CsvSource({"079012345645, 0790******45", "1234567, ******", "'', ******"})
    void masksAllButFirstFourAndLastTwoDigits(String number, String masked) {
        assertThat(NationalIds.mask(number)).isEqualTo(masked);
    }

    /** The rule the bridge shares (fhir-bridge SharedContractVectorsTest reads the same table). */
    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/national-id-mask-vectors.csv", numLinesToSkip = 1)
    void masksAsTheSharedVectorsSay(String number, String masked) {
        assertThat(NationalIds.mask(number)).isEqualTo(masked);
    }
}
