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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.persist.StoredSession;

/** When a session can be joined, and what its tickets admit. */
class JoinRulesTest {

    private final TestClock clock = new TestClock(NOW);
    private final TelehealthServices services =
            Fixture.services(new MemoryDocumentStore(clock), new MemorySingleUseStore(clock), clock);
    private final StoredSession ofP1 = book("p1", "d1");

    @Nested
    class GivenTheJoinWindow {

        @Test
        void refusesJoiningBeforeTheEarlyMargin() {
            clock.set(START.minus(Duration.ofMinutes(11)));
            assertThatThrownBy(() ->
                            services.join().join(patient("p1"), ofP1.session().id()))
                    .isInstanceOfSatisfying(BridgeFhirException.class, e -> {
                        assertThat(e.code()).isEqualTo(TelehealthError.JOIN_TOO_EARLY);
                        assertThat(e.getMessage())
                                .contains(START.minus(Duration.ofMinutes(10)).toString());
                    });
        }

        @Test
        void refusesJoiningAfterTheLateMargin() {
            clock.set(ofP1.session().end().plus(Duration.ofMinutes(15)));
            assertThatThrownBy(() ->
                            services.join().join(patient("p1"), ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.JOIN_WINDOW_CLOSED));
        }

        @Test
        void refusesJoiningAProposalNobodyAccepted() {
            StoredSession proposed = services.booking().create(patient("p1"), proposal("p1"));
            clock.set(START);
            assertThatThrownBy(() -> services.join()
                            .join(patient("p1"), proposed.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.NOT_JOINABLE));
        }
    }

    @Nested
    class GivenTickets {

        @Test
        void refusesAReplayedTicket() {
            clock.set(START);
            String ticket = services.join()
                    .join(patient("p1"), ofP1.session().id())
                    .ticket()
                    .ticket();
            services.join().redeem(videoService(), ticket, ofP1.session().id());

            assertThatThrownBy(() -> services.join()
                            .redeem(videoService(), ticket, ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.TICKET_INVALID));
        }

        @Test
        void refusesAnExpiredTicket() {
            clock.set(START);
            String ticket = services.join()
                    .join(patient("p1"), ofP1.session().id())
                    .ticket()
                    .ticket();
            clock.advance(Duration.ofMinutes(2));

            assertThatThrownBy(() -> services.join()
                            .redeem(videoService(), ticket, ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.TICKET_INVALID));
        }

        @Test
        void burnsATicketPresentedForAnotherRoom() {
            StoredSession other = book("p2", "d1");
            clock.set(START);
            String ticket = services.join()
                    .join(patient("p1"), ofP1.session().id())
                    .ticket()
                    .ticket();

            assertThatThrownBy(() -> services.join()
                            .redeem(videoService(), ticket, other.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.TICKET_WRONG_APPOINTMENT));
            assertThatThrownBy(() -> services.join()
                            .redeem(videoService(), ticket, ofP1.session().id()))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.TICKET_INVALID));
        }

        @Test
        void refusesATicketOnceTheSessionWasFinished() {
            clock.set(START);
            String ticket = services.join()
                    .join(practitioner("d1"), ofP1.session().id())
                    .ticket()
                    .ticket();
            StoredSession arrived =
                    services.queries().read(practitioner("d1"), ofP1.session().id());
            services.booking()
                    .update(
                            practitioner("d1"),
                            ofP1.session().id(),
                            change(arrived.session(), SessionStatus.FULFILLED, "d1"),
                            null);

            assertThatThrownBy(() -> services.join().redeem(videoService(), ticket, null))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.NOT_JOINABLE));
        }
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
