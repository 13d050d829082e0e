package vn.healthid.bridge.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.identity.IdentifierSystems;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.FhirValidation;
import vn.healthid.bridge.testsupport.TokenBuilder;

class PatientReadTest extends BridgeIntegrationTest {

    private static final String CITIZEN = "079090001234";
    private static final String OTHER = "001190004321";

    private String citizenToken(String number) {
        return ISSUER.token().citizen(number).scope("openid patient/Patient.rs").sign();
    }

    private String clinicToken() {
        return ISSUER.token().scope("system/Patient.rs").sign();
    }

    /** The citizen's first visit stores their Patient; their consent lets the clinic find it. */
    private void registerAndConsentToTheClinic(String number) {
        String token = ISSUER.token()
                .citizen(number)
                .scope("openid patient/Patient.rs patient/Consent.c")
                .sign();
        client(token)
                .read()
                .resource(Patient.class)
                .withId(TokenBuilder.patientIdOf(number))
                .execute();
        grantConsent(token, "clinic-reception", "TREAT");
    }

    @Test
    void clinicWithoutConsentFindsNobodyAsForAnUnknownNumber() {
        String number = "001190008888";
        client(citizenToken(number))
                .read()
                .resource(Patient.class)
                .withId(TokenBuilder.patientIdOf(number))
                .execute();
        String form = "identifier=" + URLEncoder.encode(IdentifierSystems.CCCD + "|" + number, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/fhir/Patient/_search", clinicToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        // the same answer as for a number nobody registered: no existence oracle
        assertThat(response.statusCode()).isEqualTo(200);
        Bundle found = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(found.getEntry()).isEmpty();
        assertThat(response.body()).doesNotContain(TokenBuilder.patientIdOf(number));
    }

    @Test
    void citizenReadsOwnPatientCreatedFromTokenClaims() {
        String id = TokenBuilder.patientIdOf(CITIZEN);
        Patient patient = client(citizenToken(CITIZEN))
                .read()
                .resource(Patient.class)
                .withId(id)
                .execute();

        assertThat(patient.getIdElement().getIdPart()).isEqualTo(id).doesNotContain(CITIZEN);
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(IdentifierSystems.CCCD);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(CITIZEN);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Nguyen");
        assertThat(patient.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1990-04-12");
        assertThat(patient.getMeta().getVersionId()).isNotBlank();
        FhirValidation.assertValid(patient);
    }

    @Test
    void citizenSearchWithoutParametersReturnsOwnRecordOnly() {
        Bundle bundle = client(citizenToken(CITIZEN))
                .search()
                .forResource(Patient.class)
                .returnBundle(Bundle.class)
                .execute();

        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(TokenBuilder.patientIdOf(CITIZEN));
        FhirValidation.assertValid(bundle);
    }

    @Test
    void changedClaimsUpdateThePatientToANewVersion() {
        String number = "048195000777";
        String id = TokenBuilder.patientIdOf(number);
        Patient first = client(citizenToken(number))
                .read()
                .resource(Patient.class)
                .withId(id)
                .execute();
        String renamed = ISSUER.token()
                .citizen(number)
                .claim("family_name", "Tran")
                .scope("patient/Patient.r")
                .sign();
        Patient second =
                client(renamed).read().resource(Patient.class).withId(id).execute();

        assertThat(second.getNameFirstRep().getFamily()).isEqualTo("Tran");
        assertThat(Long.parseLong(second.getMeta().getVersionId()))
                .isEqualTo(Long.parseLong(first.getMeta().getVersionId()) + 1);
    }

    @Test
    void readCarriesVersionEtag() {
        String id = TokenBuilder.patientIdOf(CITIZEN);
        HttpResponse<String> response = get("/fhir/Patient/" + id, citizenToken(CITIZEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(etag -> assertThat(etag).startsWith("W/\""));
    }

    @Test
    void clinicFindsPatientByIdentifierWithFormPostSoTheNumberStaysOutOfTheUrl() {
        registerAndConsentToTheClinic(OTHER);
        String form = "identifier=" + URLEncoder.encode(IdentifierSystems.CCCD + "|" + OTHER, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/fhir/Patient/_search", clinicToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(200);
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(TokenBuilder.patientIdOf(OTHER));
        FhirValidation.assertValid(bundle);
    }

    @Test
    void clinicSearchByGetWorksButPutsTheNumberInTheUrl() {
        registerAndConsentToTheClinic(OTHER);
        Bundle bundle = client(clinicToken())
                .search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(IdentifierSystems.CCCD, OTHER))
                .returnBundle(Bundle.class)
                .execute();

        assertThat(bundle.getEntry()).hasSize(1);
    }

    @Test
    void clinicReadOfUnknownPatientIsNotFoundOutcome() {
        HttpResponse<String> response = get("/fhir/Patient/p" + "a".repeat(32), clinicToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("NOT_FOUND");
    }

    @Test
    void citizenCannotReadAnotherPatient() {
        client(citizenToken(OTHER))
                .read()
                .resource(Patient.class)
                .withId(TokenBuilder.patientIdOf(OTHER))
                .execute();
        HttpResponse<String> response = get("/fhir/Patient/" + TokenBuilder.patientIdOf(OTHER), citizenToken(CITIZEN));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("PATIENT_COMPARTMENT");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("error=\"insufficient_scope\""));
    }

    @Test
    void citizenCannotSearchByIdentifier() {
        String form = "identifier=" + URLEncoder.encode(IdentifierSystems.CCCD + "|" + OTHER, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/fhir/Patient/_search", citizenToken(CITIZEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("PATIENT_COMPARTMENT");
    }

    @Test
    void citizenCannotSearchAnotherPatientById() {
        HttpResponse<String> response =
                get("/fhir/Patient?_id=" + TokenBuilder.patientIdOf(OTHER), citizenToken(CITIZEN));

        assertThat(response.statusCode()).isEqualTo(403);
    }
}
