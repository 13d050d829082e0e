package vn.healthid.identity.chip;

import java.time.LocalDate;
import java.util.Optional;

/** Which MRZ field, if any, disagrees with DG13 (field names only: the values are personal data). */
final class MrzAgreement {

    private MrzAgreement() {}

    static Optional<String> mismatch(Mrz mrz, String number, LocalDate birth, Sex sex, Optional<LocalDate> expiry) {
        if (!"ID".equals(mrz.documentCode()) || !"VNM".equals(mrz.issuingState())) {
            return Optional.of("documentCode/issuingState");
        }
        if (!mrz.documentNumber().equals(number.substring(3))) {
            return Optional.of("documentNumber");
        }
        if (!mrz.optionalData1().isEmpty() && !mrz.optionalData1().equals(number)) {
            return Optional.of("optionalData");
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
