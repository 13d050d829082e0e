package vn.healthid.bridge.coverage.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.identity.PersonNames;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.security.CitizenClaims;

/**
 * The identity the gateway is asked with (number, full name, birth date): from a token's verified
 * claims, or from the Patient the bridge registered from such a token earlier (a clinic visit or a
 * confidential client). A citizen never registered gets 403 {@code COVERAGE_IDENTITY_INCOMPLETE}.
 */
public final class RegisteredIdentities {

    public record Identity(String nationalId, String fullName, LocalDate birthDate) {

        @Override
        public String toString() {
            return "Identity[***]";
        }
    }

    private final PatientRegistry patients;
    private final PatientTranslator translator;

    public RegisteredIdentities(PatientRegistry patients, PatientTranslator translator) {
        this.patients = patients;
        this.translator = translator;
    }

    /** For servers without a Patient store: nobody is registered. */
    public static RegisteredIdentities none() {
        return new RegisteredIdentities(null, null);
    }

    public Identity of(String patientId) {
        if (patients == null) {
            throw incomplete("the citizen's identity is not known to the bridge");
        }
        Patient patient = patients.find(patientId)
                .map(translator::toFhir)
                .orElseThrow(() -> incomplete("the citizen is not registered yet: sign in once at a clinic"));
        return fromPatient(patient);
    }

    static Identity fromClaims(CitizenClaims claims) {
        String name = PersonNames.fullName(claims.familyName(), claims.givenName(), claims.name());
        if (name == null) {
            throw incomplete("the token lacks name");
        }
        LocalDate birthDate = claims.birthDate().orElseThrow(() -> incomplete("the token lacks birthdate"));
        return new Identity(claims.nationalId(), name, birthDate);
    }

    public static Identity fromPatient(Patient patient) {
        String number = patient.getIdentifier().stream()
                .filter(i -> IdentifierSystems.CCCD.equals(i.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElseThrow(() -> incomplete("the Patient has no CCCD identifier"));
        HumanName name = patient.getNameFirstRep();
        String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
        String fullName = PersonNames.fullName(
                Optional.ofNullable(name.getFamily()),
                given.isBlank() ? Optional.empty() : Optional.of(given),
                Optional.ofNullable(name.getText()));
        if (fullName == null) {
            throw incomplete("the Patient has no name");
        }
        if (!patient.hasBirthDate()) {
            throw incomplete("the Patient has no birth date");
        }
        try {
            return new Identity(
                    number,
                    fullName,
                    LocalDate.parse(patient.getBirthDateElement().getValueAsString()));
        } catch (DateTimeParseException e) {
            throw incomplete("the Patient's birth date is not a full date");
        }
    }

    private static BridgeFhirException incomplete(String message) {
        return new BridgeFhirException(CoverageError.COVERAGE_IDENTITY_INCOMPLETE, message);
    }
}
