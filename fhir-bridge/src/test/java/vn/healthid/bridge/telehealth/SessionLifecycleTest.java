package vn.healthid.bridge.telehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.telehealth.Fixture.END;
import static vn.healthid.bridge.telehealth.Fixture.NOW;
import static vn.healthid.bridge.telehealth.Fixture.START;
import static vn.healthid.bridge.telehealth.Fixture.change;
import static vn.healthid.bridge.telehealth.Fixture.patient;
import static vn.healthid.bridge.telehealth.Fixture.practitioner;
import static vn.healthid.bridge.telehealth.Fixture.proposal;
import static vn.healthid.bridge.telehealth.Fixture.videoService;

import java.time.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.persist.StoredSession;
import vn.healthid.bridge.telehealth.ticket.TicketGrant;

class SessionLifecycleTest {

    private final TestClock clock = new TestClock(NOW);
    private final TelehealthServices services =
            Fixture.services(new MemoryDocumentStore(clock), new MemorySingleUseStore(clock), clock);
    private final Caller patient = patient("p1");
    private final Caller doctor = practitioner("d1");

    @Test
    void runsASessionFromProposalToFulfilledWithAVirtualEncounter() {
        StoredSession proposed = services.booking().create(patient, proposal("p1"));
        assertThat(proposed.version()).isEqualTo(1);
        assertThat(proposed.session().status()).isEqualTo(SessionStatus.PROPOSED);

        StoredSession booked = services.booking()
                .update(doctor, proposed.session().id(), change(proposed.session(), SessionStatus.BOOKED, "d1"), 1L);
        assertThat(booked.version()).isEqualTo(2);
        assertThat(booked.session().practitionerId()).isEqualTo("d1");

        clock.set(START.minus(Duration.ofMinutes(5)));
        JoinResult patientJoin = services.join().join(patient, booked.session().id());
        assertThat(patientJoin.session().session().status()).isEqualTo(SessionStatus.ARRIVED);
        assertThat(patientJoin.sessionUrl())
                .isEqualTo("https://meet.example.vn/room/" + booked.session().id() + "?ticket="
                        + patientJoin.ticket().ticket());
        Encounter opened =
                services.queries().encounter(patient, booked.session().id());
        assertThat(opened.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(opened.getClass_().getCode()).isEqualTo("VR");
        assertThat(opened.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(opened.getAppointmentFirstRep().getReference())
                .isEqualTo("Appointment/" + booked.session().id());

        JoinResult doctorJoin = services.join().join(doctor, booked.session().id());
        assertThat(doctorJoin.session().version())
                .as("a later join changes nothing")
                .isEqualTo(3);
        TicketGrant grant = services.join()
                .redeem(
                        videoService(),
                        doctorJoin.ticket().ticket(),
                        booked.session().id());
        assertThat(grant.participant()).isEqualTo("Practitioner/d1");

        clock.set(END);
        StoredSession fulfilled = services.booking()
                .update(doctor, booked.session().id(), change(booked.session(), SessionStatus.FULFILLED, "d1"), null);
        assertThat(fulfilled.session().status()).isEqualTo(SessionStatus.FULFILLED);
        Encounter finished =
                services.queries().encounter(doctor, booked.session().id());
        assertThat(finished.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(finished.getPeriod().getEnd().toInstant()).isEqualTo(END);
    }

    @Test
    void eitherParticipantCancelsABookedSessionWithAReason() {
        StoredSession booked = book();
        var cancel = new vn.healthid.bridge.telehealth.domain.TelehealthSession(
                null, "p1", "d1", START, END, SessionStatus.CANCELLED, "cannot make it");

        StoredSession cancelled =
                services.booking().update(patient, booked.session().id(), cancel, null);

        assertThat(cancelled.session().status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(cancelled.session().cancellationReason()).isEqualTo("cannot make it");
        assertThatThrownBy(() -> services.join().join(patient, booked.session().id()))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class, e -> assertThat(e.code()).isEqualTo(TelehealthError.NOT_JOINABLE));
    }

    @Test
    void refusesToChangeAFinishedSession() {
        StoredSession booked = book();
        services.booking()
                .update(patient, booked.session().id(), change(booked.session(), SessionStatus.CANCELLED, "d1"), null);

        assertThatThrownBy(() -> services.booking()
                        .update(
                                doctor,
                                booked.session().id(),
                                change(booked.session(), SessionStatus.BOOKED, "d1"),
                                null))
                .isInstanceOfSatisfying(BridgeFhirException.class, e -> {
                    assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_FINAL);
                    assertThat(e.getStatusCode()).isEqualTo(409);
                });
    }

    @Test
    void startsASessionOnlyThroughJoin() {
        StoredSession booked = book();

        assertThatThrownBy(() -> services.booking()
                        .update(
                                doctor,
                                booked.session().id(),
                                change(booked.session(), SessionStatus.ARRIVED, "d1"),
                                null))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.TRANSITION_VIA_JOIN_ONLY));
    }

    @Test
    void refusesToMoveTheSlotInAnUpdate() {
        StoredSession booked = book();
        var moved = new vn.healthid.bridge.telehealth.domain.TelehealthSession(
                null, "p1", "d1", START.plusSeconds(60), END, SessionStatus.CANCELLED, null);

        assertThatThrownBy(() ->
                        services.booking().update(patient, booked.session().id(), moved, null))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_FIELD_IMMUTABLE));
    }

    @Test
    void letsOnlyTheAssignedPractitionerFinishOrRecordANoShow() {
        StoredSession booked = book();
        clock.set(START.plusSeconds(600));

        assertThatThrownBy(() -> services.booking()
                        .update(
                                patient,
                                booked.session().id(),
                                change(booked.session(), SessionStatus.NOSHOW, "d1"),
                                null))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER));
        StoredSession noShow = services.booking()
                .update(doctor, booked.session().id(), change(booked.session(), SessionStatus.NOSHOW, "d1"), null);
        assertThat(noShow.session().status()).isEqualTo(SessionStatus.NOSHOW);
    }

    @Test
    void refusesAPatientBookingAPractitionerDirectly() {
        var booking = change(proposal("p1"), SessionStatus.BOOKED, "d1");

        assertThatThrownBy(() -> services.booking().create(patient, booking))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.TRANSITION_NOT_ALLOWED_FOR_CALLER));
    }

    @Test
    void refusesASessionThatEndedAlreadyOrLastsTooLong() {
        clock.set(END);
        assertThatThrownBy(() -> services.booking().create(patient, proposal("p1")))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_INVALID));
        clock.set(NOW);
        var marathon = new vn.healthid.bridge.telehealth.domain.TelehealthSession(
                null, "p1", null, START, START.plus(Duration.ofHours(5)), SessionStatus.PROPOSED, null);
        assertThatThrownBy(() -> services.booking().create(patient, marathon))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_INVALID));
    }

    @Test
    void forgetsASessionAfterItsRetention() {
        StoredSession booked = book();
        clock.set(END.plus(TelehealthProperties.defaults().retention()));

        assertThatThrownBy(
                        () -> services.queries().read(patient, booked.session().id()))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class, e -> assertThat(e.code()).isEqualTo(BridgeError.NOT_FOUND));
        assertThat(services.queries().search(patient, new SessionQueries.Criteria(null, null, null, null, null)))
                .isEmpty();
    }

    private StoredSession book() {
        StoredSession proposed = services.booking().create(patient, proposal("p1"));
        return services.booking()
                .update(doctor, proposed.session().id(), change(proposed.session(), SessionStatus.BOOKED, "d1"), null);
    }
}
