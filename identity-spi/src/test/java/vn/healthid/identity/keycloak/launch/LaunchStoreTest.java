package vn.healthid.identity.keycloak.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.challenge.InMemorySingleUseStore;

class LaunchStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String PATIENT = "p3dtsdzq3bpkqx5kybooxm5wwqyixaqc4";

    private final InMemorySingleUseStore backing = new InMemorySingleUseStore();

    private LaunchStore at(Instant instant) {
        return new LaunchStore(backing, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private LaunchContext context(Duration lifespan) {
        return new LaunchContext("clinic-reception", "smart-sandbox-app", PATIENT, "enc-1", NOW.plus(lifespan));
    }

    @Test
    void aLaunchIsAnOpaque256BitValueRedeemedOnceWithItsWholeContext() {
        String launch = at(NOW).register(context(Duration.ofMinutes(5)));

        assertThat(launch).matches("[A-Za-z0-9_-]{43}");
        assertThat(at(NOW).redeem(launch)).contains(context(Duration.ofMinutes(5)));
        assertThat(at(NOW).redeem(launch)).isEmpty();
    }

    @Test
    void twoRegistrationsGetDifferentValues() {
        assertThat(at(NOW).register(context(Duration.ofMinutes(5))))
                .isNotEqualTo(at(NOW).register(context(Duration.ofMinutes(5))));
    }

    @Test
    void anExpiredLaunchIsRefusedEvenWhenTheStoreStillHoldsIt() {
        String launch = at(NOW).register(context(Duration.ofSeconds(60)));

        assertThat(at(NOW.plusSeconds(60)).redeem(launch)).isEmpty();
    }

    @Test
    void anUnknownOrMalformedValueIsRefused() {
        assertThat(at(NOW).redeem(null)).isEmpty();
        assertThat(at(NOW).redeem("x".repeat(43))).isEmpty();
        assertThat(at(NOW).redeem("not a launch")).isEmpty();
    }

    @Test
    void anEncounterIsOptional() {
        LaunchContext noEncounter = new LaunchContext("c", "a", PATIENT, null, NOW.plusSeconds(30));

        assertThat(LaunchContext.fromNotes(noEncounter.toNotes())).contains(noEncounter);
        assertThat(LaunchContext.fromNotes(Map.of("clinic", "c"))).isEmpty();
    }
}
