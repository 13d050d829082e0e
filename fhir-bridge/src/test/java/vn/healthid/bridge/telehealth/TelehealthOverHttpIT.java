package vn.healthid.bridge.telehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.healthid.bridge.telehealth.persist.TelehealthCodes;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.FhirValidation;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * Through the real servlet, Spring Security and HAPI, with tokens signed by the test issuer, HAPI's
 * generic client, and the real Redis as the store.
 */
class TelehealthOverHttpIT extends BridgeIntegrationTest {

    private static final RedisTestStore REDIS = new RedisTestStore();
    private static final String CITIZEN_A = "079090001234";
    private static final String CITIZEN_B = "001185004321";
    private static final String PATIENT_A = TokenBuilder.patientIdOf(CITIZEN_A);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("healthid.store.redis-url", () -> RedisTestStore.URL);
        registry.add("healthid.store.key-prefix", REDIS::prefix);
    }

    @AfterAll
    static void dropKeys() {
        REDIS.close();
    }

    @Test
    void proposesAcceptsAndCancelsOverFhirWithVersionsAndSearch() {
        IGenericClient patient = client(patientToken(CITIZEN_A, "urn:vn:healthid:acr:vneid-2"));
        IGenericClient doctor = client(practitionerToken("d1"));

        Appointment created = (Appointment)
                patient.create().resource(proposal(PATIENT_A)).execute().getResource();
        FhirValidation.assertValid(created);
        assertThat(created.getMeta().getVersionId()).isEqualTo("1");
        assertThat(created.getStatus()).isEqualTo(AppointmentStatus.PROPOSED);

        Appointment booked = accept(doctor, created, "d1");
        assertThat(booked.getMeta().getVersionId()).isEqualTo("2");
        HttpResponse<String> read =
                get("/fhir/Appointment/" + booked.getIdPart(), patientToken(CITIZEN_A, "urn:vn:healthid:acr:vneid-2"));
        assertThat(read.headers().firstValue("ETag")).contains("W/\"2\"");

        Appointment mine = patient.read()
                .resource(Appointment.class)
                .withId(booked.getIdPart())
                .execute();
        mine.setStatus(AppointmentStatus.CANCELLED);
        mine.getCancelationReason().setText("feeling better");
        Appointment cancelled =
                (Appointment) patient.update().resource(mine).execute().getResource();
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.getMeta().getVersionId()).isEqualTo("3");
        FhirValidation.assertValid(cancelled);

        // no patient parameter: the citizen's own sessions
        Bundle search = patient.search()
                .forResource(Appointment.class)
                .where(Appointment.STATUS.exactly().code("cancelled"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(search.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(booked.getIdPart());
        assertThat(doctor.search()
                        .forResource(Appointment.class)
                        .where(Appointment.PATIENT.hasId(PATIENT_A))
                        .and(Appointment.STATUS.exactly().code("proposed"))
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .doesNotContain(booked.getIdPart());
    }

    @Test
    void twoPractitionersAcceptingTheSameSlotOneWinsTheOtherGets412() throws Exception {
        IGenericClient patient = client(patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"));
        Appointment created = (Appointment)
                patient.create().resource(proposal(PATIENT_A)).execute().getResource();
        IGenericClient first = client(practitionerToken("d1"));
        IGenericClient second = client(practitionerToken("d2"));

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Appointment>> accepts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (var pair : List.of(List.of(first, "d1"), List.of(second, "d2"))) {
                accepts.add(pool.submit(() -> {
                    go.await();
                    return accept((IGenericClient) pair.get(0), created.copy(), (String) pair.get(1));
                }));
            }
            go.countDown();
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<Appointment> accept : accepts) {
                try {
                    accept.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).singleElement().isInstanceOf(PreconditionFailedException.class);
        }
    }

    @Test
    void keepsAnotherPatientOutOfTheSession() {
        Appointment created = (Appointment) client(patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"))
                .create()
                .resource(proposal(PATIENT_A))
                .execute()
                .getResource();
        String otherToken = patientToken(CITIZEN_B, "urn:vn:healthid:acr:chip-aa");

        assertThat(get("/fhir/Appointment/" + created.getIdPart(), otherToken).statusCode())
                .isEqualTo(403);
        HttpResponse<String> search = get("/fhir/Appointment?patient=" + PATIENT_A, otherToken);
        assertThat(search.statusCode()).isEqualTo(403);
        assertThat(errorCode(search)).isEqualTo("PATIENT_COMPARTMENT");
        assertThat(send(request("/fhir/Appointment/" + created.getIdPart() + "/$join", otherToken)
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")))
                        .statusCode())
                .isEqualTo(403);
        assertThatThrownBy(() -> client(otherToken)
                        .create()
                        .resource(proposal(PATIENT_A))
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    @Test
    void joinsThroughTheWholeBridgeAndTheVideoServiceRedeemsTheTicketOnce() {
        IGenericClient patient = client(patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"));
        Appointment created = (Appointment)
                patient.create().resource(proposal(PATIENT_A)).execute().getResource();
        Appointment booked = accept(client(practitionerToken("d1")), created, "d1");

        HttpResponse<String> join = send(request(
                        "/fhir/Appointment/" + booked.getIdPart() + "/$join",
                        patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
        assertThat(join.statusCode()).isEqualTo(200);
        org.hl7.fhir.r4.model.Parameters joined =
                FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Parameters.class, join.body());
        String ticket = joined.getParameterValue("ticket").primitiveValue();
        assertThat(joined.getParameterValue("sessionUrl").primitiveValue()).contains(booked.getIdPart());

        String redeem = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"ticket\",\"valueString\":\""
                + ticket + "\"},{\"name\":\"appointment\",\"valueString\":\"" + booked.getIdPart() + "\"}]}";
        HttpRequest.Builder first = request("/fhir/Appointment/$redeem-ticket", videoServiceToken())
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(redeem));
        assertThat(send(first).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(request("/fhir/Appointment/$redeem-ticket", videoServiceToken())
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(redeem)));
        assertThat(replay.statusCode()).isBetween(400, 499);
        assertThat(send(request(
                                        "/fhir/Appointment/$redeem-ticket",
                                        patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"))
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString(redeem)))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesOperationsNoFeatureServes() {
        HttpResponse<String> response =
                send(request("/fhir/Appointment/$everything", patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
        assertThat(response.statusCode()).isBetween(400, 405);
    }

    @Test
    void asksForStepUpWhenTheTokenIsBelowTheRequiredLevel() {
        String chipPaOnly = patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-pa");
        String body = FHIR.newJsonParser().encodeResourceToString(proposal(PATIENT_A));

        HttpResponse<String> response = send(request("/fhir/Appointment", chipPaOnly)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_user_authentication\"")
                .contains(
                        "acr_values=\"urn:vn:healthid:acr:pwd-otp urn:vn:healthid:acr:vneid-2 urn:vn:healthid:acr:chip-aa\"");
        assertThat(errorCode(response)).isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void refusesAnInvalidTransitionWithAStableCode() {
        IGenericClient patient = client(patientToken(CITIZEN_A, "urn:vn:healthid:acr:chip-aa"));
        Appointment created = (Appointment)
                patient.create().resource(proposal(PATIENT_A)).execute().getResource();
        created.setStatus(AppointmentStatus.FULFILLED);

        assertThatThrownBy(() -> patient.update().resource(created).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(code(e)).isEqualTo("APPOINTMENT_TRANSITION_INVALID");
                });
    }

    private static Appointment accept(IGenericClient practitioner, Appointment proposed, String practitionerId) {
        proposed.setStatus(AppointmentStatus.BOOKED);
        proposed.addParticipant()
                .setActor(new Reference("Practitioner/" + practitionerId))
                .setStatus(ParticipationStatus.ACCEPTED);
        return (Appointment) practitioner.update().resource(proposed).execute().getResource();
    }

    private static Appointment proposal(String patientId) {
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Appointment a = new Appointment();
        a.setStatus(AppointmentStatus.PROPOSED);
        a.addServiceType()
                .addCoding()
                .setSystem(TelehealthCodes.SERVICE_TYPE_SYSTEM)
                .setCode(TelehealthCodes.TELECONSULTATION);
        a.setStart(Date.from(start));
        a.setEnd(Date.from(start.plus(Duration.ofMinutes(30))));
        a.addParticipant().setActor(new Reference("Patient/" + patientId)).setStatus(ParticipationStatus.ACCEPTED);
        return a;
    }

    private static String patientToken(String nationalId, String acr) {
        return ISSUER.token()
                .citizen(nationalId)
                .claim("acr", acr)
                .scope("openid patient/Appointment.cruds")
                .sign();
    }

    private static String practitionerToken(String id) {
        return ISSUER.token()
                .claim("fhirUser", "Practitioner/" + id)
                .claim("acr", "urn:vn:healthid:acr:vneid-2")
                .claim("azp", "clinic-portal")
                .scope("openid user/Appointment.cruds user/Encounter.rs")
                .sign();
    }

    private static String videoServiceToken() {
        return ISSUER.token()
                .claim("azp", "video-service")
                .scope("system/Appointment.r")
                .sign();
    }

    private static String code(BaseServerResponseException e) {
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }
}
