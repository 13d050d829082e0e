package vn.healthid.bridge.security;

import java.time.LocalDate;
import java.util.Optional;

/** The verified identity claims of a citizen's token (contract: name, birthdate, gender, national_id). */
public record CitizenClaims(
        String nationalId,
        Optional<String> name,
        Optional<String> givenName,
        Optional<String> familyName,
        Optional<LocalDate> birthDate,
        Optional<String> gender) {

    @Override
    public String toString() {
        return "CitizenClaims[nationalId=***]";
    }
}
