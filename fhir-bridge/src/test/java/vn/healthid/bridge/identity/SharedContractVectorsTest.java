package vn.healthid.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The masking rule the bridge shares with the Keycloak extension, against the one table both
 * sides test (docs/contracts/national-id-mask-vectors.csv; identity-spi's NationalIdsTest reads it too).
 */
class SharedContractVectorsTest {

    @ParameterizedTest
    @CsvFileSource(files = "../docs/contracts/national-id-mask-vectors.csv", numLinesToSkip = 1)
    void masksAsTheSharedVectorsSay(String number, String masked) {
        assertThat(NationalIds.mask(number)).isEqualTo(masked);
    }
}
