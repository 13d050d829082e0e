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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.persist.StoredSession;

/** Against the real Redis: concurrent writers, and a bridge restarted over the same data. */
class RedisSessionConcurrencyIT {

    private final TestClock clock = new TestClock(NOW);
    private final RedisTestStore redis = new RedisTestStore();

    @AfterEach
    void dropKeys() {
        redis.close();
    }

    @RepeatedTest(10) // different interleavings: the loser may read before or after the winner wrote
    void twoPractitionersAcceptingTheSameSlotWithIfMatchOneWinsTheOtherGets412() throws Exception {
        try (var a = redis.connect(clock);
                var b = redis.connect(clock)) {
            TelehealthServices bridgeA = Fixture.services(a.documents(), a.singleUse(), clock);
            TelehealthServices bridgeB = Fixture.services(b.documents(), b.singleUse(), clock);
            StoredSession proposed = bridgeA.booking().create(patient("p1"), proposal("p1"));

            List<Throwable> failures = race(
                    () -> bridgeA.booking()
                            .update(
                                    practitioner("d1"),
                                    proposed.session().id(),
                                    change(proposed.session(), SessionStatus.BOOKED, "d1"),
                                    proposed.version()),
                    () -> bridgeB.booking()
                            .update(
                                    practitioner("d2"),
                                    proposed.session().id(),
                                    change(proposed.session(), SessionStatus.BOOKED, "d2"),
                                    proposed.version()));

            assertThat(failures)
                    .singleElement()
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(BridgeError.PRECONDITION_FAILED));
            StoredSession booked =
                    bridgeA.queries().read(patient("p1"), proposed.session().id());
            assertThat(booked.version()).isEqualTo(2);
            assertThat(booked.session().practitionerId()).isIn("d1", "d2");
        }
    }

    @Test
    void manyPractitionersAcceptingWithoutIfMatchLeaveExactlyOneBookingAndConflictsForTheRest() throws Exception {
        try (var store = redis.connect(clock)) {
            TelehealthServices bridge = Fixture.services(store.documents(), store.singleUse(), clock);
            StoredSession proposed = bridge.booking().create(patient("p1"), proposal("p1"));
            List<Runnable> accepts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String doctor = "d" + i;
                accepts.add(() -> bridge.booking()
                        .update(
                                practitioner(doctor),
                                proposed.session().id(),
                                change(proposed.session(), SessionStatus.BOOKED, doctor),
                                null));
            }

            List<Throwable> failures = race(accepts.toArray(Runnable[]::new));

            assertThat(failures)
                    .hasSize(5)
                    .allSatisfy(f -> assertThat(f)
                            .isInstanceOfAny(BridgeFhirException.class, BridgeFhirException.class)
                            .satisfies(
                                    e -> assertThat(((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) e)
                                                    .getStatusCode())
                                            .isEqualTo(409)));
            assertThat(bridge.queries()
                            .read(patient("p1"), proposed.session().id())
                            .version())
                    .isEqualTo(2);
        }
    }

    @Test
    void aRestartedBridgeContinuesTheSessionAndRedeemsTicketsIssuedBeforeTheRestart() {
        String id;
        String ticket;
        try (var before = redis.connect(clock)) {
            TelehealthServices first = Fixture.services(before.documents(), before.singleUse(), clock);
            StoredSession proposed = first.booking().create(patient("p1"), proposal("p1"));
            id = proposed.session().id();
            first.booking()
                    .update(practitioner("d1"), id, change(proposed.session(), SessionStatus.BOOKED, "d1"), null);
            clock.set(START);
            ticket = first.join().join(patient("p1"), id).ticket().ticket();
        }

        try (var after = redis.connect(clock)) {
            TelehealthServices second = Fixture.services(after.documents(), after.singleUse(), clock);
            StoredSession arrived = second.queries().read(practitioner("d1"), id);
            assertThat(arrived.session().status()).isEqualTo(SessionStatus.ARRIVED);
            assertThat(arrived.version()).isEqualTo(3);
            assertThat(second.queries()
                            .search(patient("p1"), new SessionQueries.Criteria(null, null, null, null, null)))
                    .extracting(s -> s.session().id())
                    .containsExactly(id);
            assertThat(second.join().redeem(videoService(), ticket, id).participant())
                    .isEqualTo("Patient/p1");
            assertThatThrownBy(() -> second.join().redeem(videoService(), ticket, id))
                    .isInstanceOf(BridgeFhirException.class);

            second.booking()
                    .update(practitioner("d1"), id, change(arrived.session(), SessionStatus.FULFILLED, "d1"), 3L);
            assertThat(second.queries().encounter(patient("p1"), id).getStatus())
                    .isEqualTo(Encounter.EncounterStatus.FINISHED);
        }
    }

    @RepeatedTest(10)
    void patientAndPractitionerJoiningAtOnceBothGetTicketsAndTheSessionStartsOnce() throws Exception {
        try (var a = redis.connect(clock);
                var b = redis.connect(clock)) {
            TelehealthServices bridgeA = Fixture.services(a.documents(), a.singleUse(), clock);
            TelehealthServices bridgeB = Fixture.services(b.documents(), b.singleUse(), clock);
            StoredSession proposed = bridgeA.booking().create(patient("p1"), proposal("p1"));
            String id = proposed.session().id();
            bridgeA.booking()
                    .update(practitioner("d1"), id, change(proposed.session(), SessionStatus.BOOKED, "d1"), null);
            clock.set(START);

            List<Throwable> failures = race(
                    () -> bridgeA.join().join(patient("p1"), id),
                    () -> bridgeB.join().join(practitioner("d1"), id));

            assertThat(failures).isEmpty();
            StoredSession arrived = bridgeB.queries().read(patient("p1"), id);
            assertThat(arrived.session().status()).isEqualTo(SessionStatus.ARRIVED);
            assertThat(arrived.version()).as("booked -> arrived written once").isEqualTo(3);
            Encounter encounter = bridgeA.queries().encounter(practitioner("d1"), id);
            assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
            assertThat(encounter.getMeta().getVersionId()).as("opened once").isEqualTo("1");
        }
    }

    /** Runs the actions together from one start signal; returns what they threw. */
    private static List<Throwable> race(Runnable... actions) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(actions.length)) {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable action : actions) {
                running.add(pool.submit(() -> {
                    go.await();
                    action.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        }
        return failures;
    }
}
