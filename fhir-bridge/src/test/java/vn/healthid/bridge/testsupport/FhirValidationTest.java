package vn.healthid.bridge.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The validator's workarounds stay narrow: the known quirk passes, real errors still fail. */
@Tag("conformance")
class FhirValidationTest {

    @Test
    void vietnameseLanguageTagIsNotAnError() {
        Patient patient = new Patient();
        patient.setLanguage("vi-VN");
        patient.addName().setFamily("Nguyen");

        FhirValidation.assertValid(patient);
    }

    @Test
    void invalidContentStillFails() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("not a uri with spaces").setValue("1");
        patient.getBirthDateElement().setValueAsString("1990-04");
        patient.addContact(); // a contact with nothing in it breaks pat-1

        assertThatThrownBy(() -> FhirValidation.assertValid(patient)).isInstanceOf(AssertionError.class);
    }
}
