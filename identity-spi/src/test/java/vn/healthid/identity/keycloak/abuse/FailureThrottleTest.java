package vn.healthid.identity.keycloak.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.challenge.InMemorySingleUseStore;

class FailureThrottleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final AbuseLimits LIMITS = new AbuseLimits(
            3,
            5,
            4,
            Duration.ofMinutes(15),
            Duration.ofMinutes(1),
            new AbuseLimits.Rate(100, 10),
            new AbuseLimits.Rate(100, 10),
            new AbuseLimits.Rate(100, 10),
            65536);

    private final InMemorySingleUseStore store = new InMemorySingleUseStore();
    private final FailureThrottle throttle = new FailureThrottle(store, LIMITS, CLOCK);

    @Test
    void twentyParallelFailuresFromOneAddressTakeExactlyThresholdSlotsAndLockIt() throws Exception {
        hammer(20, i -> new Requester("app", false, "10.0.0.1", "session-" + i));

        assertThat(store.count("healthid.chip.failures." + SlotCounter.hash("address:10.0.0.1")))
                .isEqualTo(LIMITS.failuresPerAddress() + 1); // the slots and the scan hint
        assertThat(throttle.isLocked(new Requester("app", false, "10.0.0.1", "fresh")))
                .isTrue();
    }

    @Test
    void oneFailureBelowTheThresholdInParallelLeavesTheAddressOpenAndTheNextLocksIt() throws Exception {
        hammer(LIMITS.failuresPerAddress() - 1, i -> new Requester("app", false, "10.0.0.2", "session-" + i));
        Requester next = new Requester("app", false, "10.0.0.2", "another");
        assertThat(throttle.isLocked(next)).isFalse();

        throttle.recordFailure(next);

        assertThat(throttle.isLocked(next)).isTrue();
        assertThat(throttle.isLocked(new Requester("app", false, "10.0.0.3", "another-again")))
                .isFalse();
    }

    @Test
    void failuresInOneBrowserSessionLockThatSessionWhateverTheAddress() {
        for (int i = 0; i < LIMITS.failuresPerSession(); i++) {
            throttle.recordFailure(new Requester("app", false, "10.0.1." + i, "root-1"));
        }
        assertThat(throttle.isLocked(new Requester("app", false, "10.0.2.1", "root-1")))
                .isTrue();
        assertThat(throttle.isLocked(new Requester("app", false, "10.0.2.1", "root-2")))
                .isFalse();
    }

    @Test
    void aConfidentialClientsFailuresLockThatClientFromAnyAddress() {
        for (int i = 0; i < LIMITS.failuresPerClient(); i++) {
            throttle.recordFailure(new Requester("clinic", true, "10.0.3." + i, null));
        }
        assertThat(throttle.isLocked(new Requester("clinic", true, "10.0.4.1", null)))
                .isTrue();
        assertThat(throttle.isLocked(new Requester("other-clinic", true, "10.0.4.1", null)))
                .isFalse();
    }

    @Test
    void aPublicClientIsNeverLockedByFailuresOfStrangers() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure(new Requester("telehealth-app", false, "10.0.5." + i, "root-" + i));
        }
        assertThat(throttle.isLocked(new Requester("telehealth-app", false, "10.0.6.1", "mine")))
                .isFalse();
    }

    private void hammer(int count, java.util.function.IntFunction<Requester> requester) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            Requester who = requester.apply(i);
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                throttle.recordFailure(who);
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
}
