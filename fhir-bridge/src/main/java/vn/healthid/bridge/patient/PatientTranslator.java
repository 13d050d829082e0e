package vn.healthid.bridge.patient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.Date;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.security.CitizenClaims;
import vn.healthid.bridge.store.StoredDocument;

/** Verified token claims to a FHIR Patient, and stored documents back to Patients. */
public final class PatientTranslator {

    private final FhirContext fhirContext;

    public PatientTranslator(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    /** The stored form: the Patient without version metadata (the store versions it). */
    public String fromClaims(String patientId, CitizenClaims claims) {
        Patient patient = new Patient();
        patient.setId(patientId);
        patient.setActive(true);
        patient.addIdentifier()
                .setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(IdentifierSystems.CCCD)
                .setValue(claims.nationalId());
        if (claims.name().isPresent()
                || claims.familyName().isPresent()
                || claims.givenName().isPresent()) {
            HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL);
            claims.name().ifPresent(name::setText);
            claims.familyName().ifPresent(name::setFamily);
            claims.givenName().ifPresent(given -> {
                for (String part : given.trim().split("\\s+")) {
                    name.addGiven(part);
                }
            });
        }
        claims.gender().map(PatientTranslator::gender).ifPresent(patient::setGender);
        claims.birthDate().ifPresent(date -> patient.setBirthDateElement(new DateType(date.toString())));
        return parser().encodeResourceToString(patient);
    }

    public Patient toFhir(StoredDocument document) {
        Patient patient = parser().parseResource(Patient.class, document.body());
        String version = Long.toString(document.version());
        patient.setId(new org.hl7.fhir.r4.model.IdType("Patient", document.id(), version));
        patient.getMeta().setVersionId(version).setLastUpdated(Date.from(document.lastUpdated()));
        return patient;
    }

    private IParser parser() {
        return fhirContext.newJsonParser();
    }

    private static AdministrativeGender gender(String value) {
        return switch (value) {
            case "male" -> AdministrativeGender.MALE;
            case "female" -> AdministrativeGender.FEMALE;
            case "other" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }
}
