package vn.healthid.sandbox.cards;

import java.time.LocalDate;

/** A synthetic citizen: what the card's DG1 and DG13 say about its holder. */
public record Citizen(
        String number /* 12 digits */,
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        String nationality,
        String ethnicity,
        String religion,
        String placeOfOrigin,
        String placeOfResidence,
        String identifyingFeatures,
        LocalDate dateOfIssue,
        LocalDate dateOfExpiry /* null: no expiry */,
        String fatherName,
        String motherName,
        String spouseName /* nullable */,
        String oldIdNumber /* nullable */,
        String bhxhNumber /* 10 digits */) {

    /** The number as it may appear in logs and tables: 079******45. */
    public String maskedNumber() {
        return number.substring(0, 3) + "******" + number.substring(number.length() - 2);
    }

    Citizen withNumber(String newNumber) {
        return new Citizen(
                newNumber,
                fullName,
                dateOfBirth,
                sex,
                nationality,
                ethnicity,
                religion,
                placeOfOrigin,
                placeOfResidence,
                identifyingFeatures,
                dateOfIssue,
                dateOfExpiry,
                fatherName,
                motherName,
                spouseName,
                oldIdNumber,
                bhxhNumber);
    }

    Citizen withValidity(LocalDate issue, LocalDate expiry) {
        return new Citizen(
                number,
                fullName,
                dateOfBirth,
                sex,
                nationality,
                ethnicity,
                religion,
                placeOfOrigin,
                placeOfResidence,
                identifyingFeatures,
                issue,
                expiry,
                fatherName,
                motherName,
                spouseName,
                oldIdNumber,
                bhxhNumber);
    }

    Citizen withPlaceOfResidence(String residence) {
        return new Citizen(
                number,
                fullName,
                dateOfBirth,
                sex,
                nationality,
                ethnicity,
                religion,
                placeOfOrigin,
                residence,
                identifyingFeatures,
                dateOfIssue,
                dateOfExpiry,
                fatherName,
                motherName,
                spouseName,
                oldIdNumber,
                bhxhNumber);
    }
}
