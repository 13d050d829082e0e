package vn.healthid.identity.keycloak.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.challenge.InMemorySingleUseStore;

class RateLimiterTest {

    private static final AbuseLimits LIMITS = new AbuseLimits(
            5,
            20,
            100,
            Duration.ofMinutes(15),
            Duration.ofSeconds(60),
            new AbuseLimits.Rate(7, 20),
            new AbuseLimits.Rate(100, 10),
            new AbuseLimits.Rate(100, 5),
            65536);

    private final InMemorySingleUseStore store = new InMemorySingleUseStore();

    @Test
    void burstFromOneAddressIsAdmittedUpToTheLimitAndTheRestToldWhenTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(store, LIMITS, at("2026-12-03T10:00:45Z"));

        List<SlotCounter.Admission> burst = IntStream.range(0, 30)
                .mapToObj(i -> limiter.byAddress(RateLimiter.Action.GRANT, "10.1.1.1"))
                .toList();

        assertThat(burst.stream().filter(SlotCounter.Admission::admitted)).hasSize(10);
        assertThat(burst.stream().filter(a -> !a.admitted()))
                .hasSize(20)
                .allSatisfy(a -> assertThat(a.retryAfterSeconds()).isEqualTo(15));
        assertThat(limiter.byAddress(RateLimiter.Action.GRANT, "10.1.1.2").admitted())
                .isTrue();
        assertThat(limiter.byAddress(RateLimiter.Action.PHONE, "10.1.1.1").admitted())
                .isTrue();
    }

    @Test
    void burstForOneClientFromManyAddressesIsAdmittedUpToTheClientsLimit() {
        RateLimiter limiter = new RateLimiter(store, LIMITS, at("2026-12-03T10:00:00Z"));

        long admitted = IntStream.range(0, 25)
                .mapToObj(i -> limiter.byClient(RateLimiter.Action.CHALLENGE, "clinic"))
                .filter(SlotCounter.Admission::admitted)
                .count();

        assertThat(admitted).isEqualTo(7);
        assertThat(limiter.byClient(RateLimiter.Action.CHALLENGE, "other").admitted())
                .isTrue();
    }

    @Test
    void theNextWindowAdmitsAgain() {
        RateLimiter before = new RateLimiter(store, LIMITS, at("2026-12-03T10:00:59Z"));
        IntStream.range(0, 5).forEach(i -> before.byAddress(RateLimiter.Action.PHONE, "10.1.2.1"));
        assertThat(before.byAddress(RateLimiter.Action.PHONE, "10.1.2.1").admitted())
                .isFalse();

        RateLimiter after = new RateLimiter(store, LIMITS, at("2026-12-03T10:01:00Z"));
        assertThat(after.byAddress(RateLimiter.Action.PHONE, "10.1.2.1").admitted())
                .isTrue();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
