package vn.healthid.bridge.telehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.telehealth.Fixture.NOW;
import static vn.healthid.bridge.telehealth.Fixture.START;
import static vn.healthid.bridge.telehealth.Fixture.change;
import static vn.healthid.bridge.telehealth.Fixture.proposal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.persist.StoredSession;
import vn.healthid.bridge.testsupport.FhirValidation;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.bridge.testsupport.TokenBuilder;

/** {@code $join} and {@code $redeem-ticket} over HTTP with HAPI's generic client and real tokens. */
class JoinOverHttpIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String CITIZEN = "079090001234";
    private static final String PATIENT = TokenBuilder.patientIdOf(CITIZEN);

    private final TestClock clock = new TestClock(NOW);
    private final RedisTestStore redis = new RedisTestStore();
    private final RedisTestStore.Connection store = redis.connect(clock);
    private final TelehealthServices services = Fixture.services(store.documents(), store.singleUse(), clock);
    private final TelehealthServlet servlet = new TelehealthServlet(services, ISSUER.jwksUri());
    private final String sessionId = booked();

    @AfterEach
    void stop() {
        servlet.close();
        store.close();
        redis.close();
    }

    @Test
    void aParticipantJoinsTheVideoServiceRedeemsTheTicketOnceAndTheSessionIsFulfilled() {
        clock.set(START.minus(Duration.ofMinutes(2)));

        Parameters joined = join(client(patientToken("urn:vn:healthid:acr:vneid-2")));

        FhirValidation.assertValid(joined);
        String ticket = joined.getParameter("ticket").getValue().primitiveValue();
        assertThat(joined.getParameter("sessionUrl").getValue().primitiveValue())
                .isEqualTo("https://meet.example.vn/room/" + sessionId + "?ticket=" + ticket);
        assertThat(((Reference) joined.getParameter("encounter").getValue()).getReference())
                .isEqualTo("Encounter/" + sessionId);
        IGenericClient video = client(videoServiceToken());
        Parameters redeemed = redeem(video, ticket);
        assertThat(((Reference) redeemed.getParameter("participant").getValue()).getReference())
                .isEqualTo("Patient/" + PATIENT);
        assertThatThrownBy(() -> redeem(video, ticket)).satisfies(e -> assertCode(e, 400, "TICKET_INVALID"));

        IGenericClient doctor = client(practitionerToken("d1"));
        Appointment arrived =
                doctor.read().resource(Appointment.class).withId(sessionId).execute();
        assertThat(arrived.getStatus()).isEqualTo(Appointment.AppointmentStatus.ARRIVED);
        clock.set(START.plus(Duration.ofMinutes(30)));
        arrived.setStatus(Appointment.AppointmentStatus.FULFILLED);
        doctor.update().resource(arrived).execute();
        Encounter encounter =
                doctor.read().resource(Encounter.class).withId(sessionId).execute();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getClass_().getCode()).isEqualTo("VR");
        FhirValidation.assertValid(encounter);
    }

    @Test
    void anExpiredTicketIsRefused() {
        clock.set(START);
        String ticket = join(client(practitionerToken("d1")))
                .getParameter("ticket")
                .getValue()
                .primitiveValue();
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> redeem(client(videoServiceToken()), ticket))
                .satisfies(e -> assertCode(e, 400, "TICKET_INVALID"));
    }

    @Test
    void joiningOutsideTheWindowIsRefusedWithTheOpeningTime() {
        clock.set(START.minus(Duration.ofHours(1)));

        assertThatThrownBy(() -> join(client(patientToken("urn:vn:healthid:acr:chip-aa"))))
                .satisfies(e -> assertCode(e, 422, "JOIN_TOO_EARLY"));
    }

    @Test
    void onlyTheParticipantsCanJoin() {
        clock.set(START);
        String stranger = ISSUER.token()
                .citizen("001185004321")
                .scope("openid patient/Appointment.cruds")
                .sign();

        assertThatThrownBy(() -> join(client(stranger))).satisfies(e -> assertCode(e, 403, "NOT_A_PARTICIPANT"));
        assertThatThrownBy(() -> join(client(practitionerToken("d2"))))
                .satisfies(e -> assertCode(e, 403, "NOT_A_PARTICIPANT"));
    }

    @Test
    void joiningBelowTheRequiredLevelAsksForStepUp() throws Exception {
        clock.set(START);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(servlet.base() + "/Appointment/" + sessionId + "/$join"))
                .header("Authorization", "Bearer " + patientToken("urn:vn:healthid:acr:chip-pa"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_user_authentication\"")
                .contains(
                        "acr_values=\"urn:vn:healthid:acr:pwd-otp urn:vn:healthid:acr:vneid-2 urn:vn:healthid:acr:chip-aa\"");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isEqualTo("STEP_UP_REQUIRED");
    }

    private String booked() {
        StoredSession proposed = services.booking().create(Fixture.patient(PATIENT), proposal(PATIENT));
        return services.booking()
                .update(
                        Fixture.practitioner("d1"),
                        proposed.session().id(),
                        change(proposed.session(), SessionStatus.BOOKED, "d1"),
                        null)
                .session()
                .id();
    }

    private Parameters join(IGenericClient client) {
        return client.operation()
                .onInstance(new IdType("Appointment", sessionId))
                .named("$join")
                .withNoParameters(Parameters.class)
                .execute();
    }

    private Parameters redeem(IGenericClient client, String ticket) {
        return client.operation()
                .onType(Appointment.class)
                .named("$redeem-ticket")
                .withParameter(Parameters.class, "ticket", new StringType(ticket))
                .andParameter("appointment", new StringType(sessionId))
                .execute();
    }

    private IGenericClient client(String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient(servlet.base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static void assertCode(Throwable thrown, int status, String code) {
        assertThat(thrown).isInstanceOf(BaseServerResponseException.class);
        BaseServerResponseException e = (BaseServerResponseException) thrown;
        assertThat(e.getStatusCode()).isEqualTo(status);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isEqualTo(code);
    }

    private static String patientToken(String acr) {
        return ISSUER.token()
                .citizen(CITIZEN)
                .claim("acr", acr)
                .scope("openid patient/Appointment.cruds")
                .sign();
    }

    private static String practitionerToken(String id) {
        return ISSUER.token()
                .claim("fhirUser", "Practitioner/" + id)
                .claim("acr", "urn:vn:healthid:acr:vneid-2")
                .scope("openid user/Appointment.cruds")
                .sign();
    }

    private static String videoServiceToken() {
        return ISSUER.token()
                .claim("azp", "video-service")
                .scope("system/Appointment.r")
                .sign();
    }
}
