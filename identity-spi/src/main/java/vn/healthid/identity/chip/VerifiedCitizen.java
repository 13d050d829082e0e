package vn.healthid.identity.chip;

import java.time.LocalDate;

/** The citizen as read from a verified chip (DG13, with the MRZ document number). */
public record VerifiedCitizen(
        String number,
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        String nationality,
        String ethnicity,
        String religion,
        String placeOfOrigin,
        String placeOfResidence,
        LocalDate dateOfIssue,
        LocalDate dateOfExpiry,
        String fatherName,
        String motherName,
        String oldIdNumber,
        String documentNumber) {

    /** The number masked for logs and screens: 0790******45. */
    public String maskedNumber() {
        return NationalNumber.mask(number);
    }

    @Override
    public String toString() {
        return "VerifiedCitizen[" + maskedNumber() + "]";
    }
}
