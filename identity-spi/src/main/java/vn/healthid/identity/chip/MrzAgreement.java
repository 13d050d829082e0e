package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.util.Optional;

/** Which MRZ field, if any, disagrees with DG13 (field names only: the values are personal data). */
final class MrzAgreement {

    private MrzAgreement() {}

    /**
     * DG1 and DG13 name the same person when the optional data carries the 12-digit number in its first 12
     * characters (docs/cccd-chip.md, "DG1 optional data"); an MRZ without optional data says nothing.
     */
    static boolean numberAgrees(Mrz mrz, String number) {
        return mrz.optionalData().isEmpty() || mrz.numberInOptionalData().equals(number);
    }

    static Optional<String> mismatch(Mrz mrz, String number, LocalDate birth, Sex sex, Optional<LocalDate> expiry) {
        if (!"ID".equals(mrz.documentCode()) || !"VNM".equals(mrz.issuingState())) {
            return Optional.of("documentCode/issuingState");
        }
        if (!mrz.documentNumber().equals(number.substring(3))) {
            return Optional.of("documentNumber");
        }
        if (!mrz.dateOfBirth().equals(ConsistencyCheck.mrzDate(birth))) {
            return Optional.of("dateOfBirth");
        }
        if (mrz.sex() != (sex == Sex.MALE ? 'M' : 'F')) {
            return Optional.of("sex");
        }
        String expected = expiry.map(ConsistencyCheck::mrzDate).orElse(ConsistencyCheck.NO_EXPIRY_MRZ);
        if (!mrz.dateOfExpiry().equals(expected)) {
            return Optional.of("dateOfExpiry");
        }
        return Optional.empty();
    }
}
