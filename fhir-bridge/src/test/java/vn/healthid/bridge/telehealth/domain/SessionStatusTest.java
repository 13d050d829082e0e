package vn.healthid.bridge.telehealth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.bridge.fhir.BridgeFhirException;

class SessionStatusTest {

    @ParameterizedTest
    @CsvSource({
        "proposed, booked",
        "proposed, cancelled",
        "booked, arrived",
        "booked, cancelled",
        "booked, noshow",
        "arrived, fulfilled"
    })
    void allowsTheLifecycleTransitions(String from, String to) {
        assertThatCode(() -> Transitions.check(status(from), status(to))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "proposed, arrived",
        "proposed, fulfilled",
        "proposed, noshow",
        "booked, proposed",
        "booked, fulfilled",
        "arrived, cancelled",
        "arrived, booked",
        "arrived, noshow"
    })
    void refusesSkippedOrBackwardTransitionsWithAConflict(String from, String to) {
        assertThatThrownBy(() -> Transitions.check(status(from), status(to)))
                .isInstanceOfSatisfying(BridgeFhirException.class, e -> {
                    assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_TRANSITION_INVALID);
                    assertThat(e.getStatusCode()).isEqualTo(409);
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = SessionStatus.class,
            names = {"FULFILLED", "CANCELLED", "NOSHOW"})
    void finalStatusesCannotChangeAnyMore(SessionStatus terminal) {
        assertThat(terminal.isFinal()).isTrue();
        for (SessionStatus target : SessionStatus.values()) {
            assertThatThrownBy(() -> Transitions.check(terminal, target))
                    .isInstanceOfSatisfying(
                            BridgeFhirException.class,
                            e -> assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_FINAL));
        }
    }

    @Test
    void noStatusMovesToItself() {
        for (SessionStatus status : SessionStatus.values()) {
            assertThat(status.canMoveTo(status)).isFalse();
        }
    }

    @Test
    void everyStatusIsReachableFromProposed() {
        EnumSet<SessionStatus> reached = EnumSet.of(SessionStatus.PROPOSED);
        boolean grew = true;
        while (grew) {
            EnumSet<SessionStatus> next = EnumSet.copyOf(reached);
            reached.forEach(s -> next.addAll(s.next()));
            grew = next.size() > reached.size();
            reached = next;
        }
        assertThat(reached).containsExactlyInAnyOrder(SessionStatus.values());
    }

    @Test
    void mapsFhirCodesBothWays() {
        for (SessionStatus status : SessionStatus.values()) {
            assertThat(SessionStatus.fromCode(status.code())).contains(status);
        }
        assertThat(SessionStatus.fromCode("entered-in-error")).isEmpty();
    }

    private static SessionStatus status(String code) {
        return SessionStatus.fromCode(code).orElseThrow();
    }
}
