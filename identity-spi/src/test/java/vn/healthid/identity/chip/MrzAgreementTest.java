package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 12-digit number in the first 12 characters of the MRZ optional data (docs/cccd-chip.md, "DG1 optional data"). */
class MrzAgreementTest {

    private static final String NUMBER = "079190000123";

    @ParameterizedTest(name = "optional data {0} -> agrees {1}")
    @CsvSource({
        "079190000123<<<, true", // the number, then fillers (what the sandbox writes)
        "0791900001231<<, true", // the number, then something else the issuer put there
        "<<<<<<<<<<<<<<<, true", // no optional data: says nothing about the number
        "080190000123<<<, false", // another province's number with the same last 9 digits
        "07919000012<<<<, false", // 11 digits
        "ABCDEFGHIJKL<<<, false"
    })
    void optionalDataNumberMustBeDg13sNumberWhenPresent(String optionalData, boolean agrees) {
        Mrz mrz = new Mrz("ID", "VNM", "190000123", optionalData, "900501", 'F', "300501", "VNM");

        assertThat(MrzAgreement.numberAgrees(mrz, NUMBER)).isEqualTo(agrees);
    }
}
