package vn.healthid.bridge.coverage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The concurrent case (200 identical checks, one gateway call) is CoverageChecksIT's. */
class SingleFlightTest {

    private final SingleFlight<String, Integer> flights = new SingleFlight<>();

    @Test
    void tellsWhetherAFlightForTheKeyEndedSinceAMoment() {
        long before = System.nanoTime();
        flights.run("k", () -> 1);
        long after = System.nanoTime();

        assertThat(flights.endedSince("k", before)).isTrue();
        assertThat(flights.endedSince("k", after)).isFalse();
        assertThat(flights.endedSince("other", before)).isFalse();
    }

    @Test
    void aFailedFlightAlsoEndsAndIsNotKept() {
        long before = System.nanoTime();

        assertThatThrownBy(() -> flights.run("k", () -> {
                    throw new IllegalStateException("gateway down");
                }))
                .hasMessage("gateway down");

        assertThat(flights.endedSince("k", before)).isTrue();
        assertThat(flights.run("k", () -> 7)).isEqualTo(7);
    }
}
