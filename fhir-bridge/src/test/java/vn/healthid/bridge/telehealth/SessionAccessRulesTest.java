package vn.healthid.bridge.telehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.telehealth.Fixture.NOW;
import static vn.healthid.bridge.telehealth.Fixture.START;
import static vn.healthid.bridge.telehealth.Fixture.change;
import static vn.healthid.bridge.telehealth.Fixture.patient;
import static vn.healthid.bridge.telehealth.Fixture.practitioner;
import static vn.healthid.bridge.telehealth.Fixture.proposal;
import static vn.healthid.bridge.telehealth.Fixture.videoService;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.telehealth.SessionQueries.Criteria;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.persist.StoredSession;

class SessionAccessRulesTest {

    private final TestClock clock = new TestClock(NOW);
    private final TelehealthServices services =
            Fixture.services(new MemoryDocumentStore(clock), new MemorySingleUseStore(clock), clock);
    private final StoredSession ofP1 = book("p1", "d1");
    private final Caller otherPatient = patient("p2");

    @Nested
    class GivenAnotherPatientsSession {

        @Test
        void readIsOutsideTheCompartment() {
            assertThatThrownBy(() ->
                            services.queries().read(otherPatient, ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.PATIENT_COMPARTMENT));
        }

        @Test
        void searchForThatPatientIsRefusedAndOwnSearchDoesNotShowIt() {
            assertThatThrownBy(
                            () -> services.queries().search(otherPatient, new Criteria("p1", null, null, null, null)))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.PATIENT_COMPARTMENT));
            assertThat(services.queries().search(otherPatient, new Criteria(null, null, null, null, null)))
                    .isEmpty();
        }

        @Test
        void cancelJoinAndEncounterAreRefused() {
            String id = ofP1.session().id();
            assertThatThrownBy(() -> services.booking()
                            .update(otherPatient, id, change(ofP1.session(), SessionStatus.CANCELLED, "d1"), null))
                    .isInstanceOf(BridgeFhirException.class);
            clock.set(START);
            assertThatThrownBy(() -> services.join().join(otherPatient, id))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.NOT_A_PARTICIPANT));
            assertThatThrownBy(() -> services.queries().encounter(otherPatient, id))
                    .isInstanceOf(BridgeFhirException.class);
        }

        @Test
        void creatingASessionForThemIsRefused() {
            assertThatThrownBy(() -> services.booking().create(otherPatient, proposal("p1")))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.PATIENT_COMPARTMENT));
        }
    }

    @Nested
    class GivenAnotherPractitioner {

        private final Caller stranger = practitioner("d2");

        @Test
        void cannotReadJoinOrFinishASessionAssignedToSomeoneElse() {
            String id = ofP1.session().id();
            assertThatThrownBy(() -> services.queries().read(stranger, id))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.NOT_A_PARTICIPANT));
            clock.set(START);
            assertThatThrownBy(() -> services.join().join(stranger, id)).isInstanceOf(BridgeFhirException.class);
        }

        @Test
        void cannotTakeOverABookedSession() {
            assertThatThrownBy(() -> services.booking()
                            .update(
                                    stranger,
                                    ofP1.session().id(),
                                    change(ofP1.session(), SessionStatus.BOOKED, "d2"),
                                    null))
                    .isInstanceOf(BridgeFhirException.class);
        }
    }

    @Nested
    class GivenATokenBelowTheRequiredLevel {

        @Test
        void bookingAsksForStepUpWithTheAcceptableAcrValues() {
            assertThatThrownBy(() -> services.booking().create(patient("p1", 1), proposal("p1")))
                    .isInstanceOfSatisfying(BridgeFhirException.class, e -> {
                        assertThat(e.code()).isEqualTo(BridgeError.STEP_UP_REQUIRED);
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getResponseHeaders().get("WWW-Authenticate"))
                                .containsExactly(
                                        "Bearer realm=\"fhir-bridge\", error=\"insufficient_user_authentication\", "
                                                + "error_description=\"STEP_UP_REQUIRED\", "
                                                + "acr_values=\"urn:vn:healthid:acr:vneid-2 urn:vn:healthid:acr:chip-aa\"");
                    });
        }

        @Test
        void joiningAsksForStepUpButReadingDoesNot() {
            Caller chipPaOnly = patient("p1", 1);
            clock.set(START);
            assertThatThrownBy(() ->
                            services.join().join(chipPaOnly, ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.STEP_UP_REQUIRED));
            assertThat(services.queries()
                            .read(chipPaOnly, ofP1.session().id())
                            .session()
                            .id())
                    .isEqualTo(ofP1.session().id());
        }
    }

    @Nested
    class GivenMissingScopes {

        @Test
        void aReadOnlyAppCannotBookOrJoin() {
            Caller readOnly = Fixture.with(Caller.Kind.CITIZEN, "p1", "patient/Appointment.rs", 3, "viewer");
            assertThatThrownBy(() -> services.booking().create(readOnly, proposal("p1")))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.SCOPE_INSUFFICIENT));
            assertThat(services.queries().search(readOnly, new Criteria(null, null, null, null, null)))
                    .hasSize(1);
        }

        @Test
        void onlyASystemClientRedeemsTickets() {
            clock.set(START);
            String ticket = services.join()
                    .join(patient("p1"), ofP1.session().id())
                    .ticket()
                    .ticket();
            assertThatThrownBy(() -> services.join().redeem(patient("p1"), ticket, null))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.SCOPE_INSUFFICIENT));
            assertThat(services.join().redeem(videoService(), ticket, null).participant())
                    .isEqualTo("Patient/p1");
        }

        @Test
        void refusesTicketRedemptionByASystemClientThatIsNotTheVideoService() {
            clock.set(START);
            String ticket = services.join()
                    .join(patient("p1"), ofP1.session().id())
                    .ticket()
                    .ticket();
            Caller clinic =
                    Fixture.with(Caller.Kind.SYSTEM, "clinic-reception", "system/Appointment.r", 0, "clinic-reception");
            assertThatThrownBy(() -> services.join().redeem(clinic, ticket, null))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.SCOPE_INSUFFICIENT));
            // the refusal did not consume the ticket: the video service still redeems it
            assertThat(services.join().redeem(videoService(), ticket, null).participant())
                    .isEqualTo("Patient/p1");
        }
    }

    @Test
    void searchFiltersByDateAndStatusAndSortsByStart() {
        Caller p1 = patient("p1");
        StoredSession later = services.booking()
                .create(
                        p1,
                        new vn.healthid.bridge.telehealth.domain.TelehealthSession(
                                null,
                                "p1",
                                null,
                                START.plus(Duration.ofDays(2)),
                                START.plus(Duration.ofDays(2)).plusSeconds(900),
                                SessionStatus.PROPOSED,
                                null));

        assertThat(services.queries().search(p1, new Criteria("p1", null, null, null, null)))
                .extracting(s -> s.session().id())
                .containsExactly(ofP1.session().id(), later.session().id());
        assertThat(services.queries().search(p1, new Criteria(null, null, START.plus(Duration.ofDays(1)), null, null)))
                .extracting(s -> s.session().id())
                .containsExactly(later.session().id());
        assertThat(services.queries().search(p1, new Criteria(null, null, null, null, Set.of(SessionStatus.BOOKED))))
                .extracting(s -> s.session().id())
                .containsExactly(ofP1.session().id());
        assertThat(services.queries().search(practitioner("d1"), new Criteria(null, null, null, null, null)))
                .extracting(s -> s.session().id())
                .containsExactly(ofP1.session().id());
    }

    private StoredSession book(String patientId, String practitionerId) {
        StoredSession proposed = services.booking().create(patient(patientId), proposal(patientId));
        return services.booking()
                .update(
                        practitioner(practitionerId),
                        proposed.session().id(),
                        change(proposed.session(), SessionStatus.BOOKED, practitionerId),
                        null);
    }
}
