package vn.healthid.bridge.telehealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;
import vn.healthid.bridge.telehealth.persist.AppointmentMapper;
import vn.healthid.bridge.telehealth.persist.StoredSession;

class AppointmentMapperTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-23T10:30:00Z");

    private final AppointmentMapper mapper = new AppointmentMapper();

    @Test
    void roundTripsASessionThroughFhir() {
        TelehealthSession session = new TelehealthSession("a1", "p1", "d1", START, END, SessionStatus.BOOKED, null);

        Appointment appointment = mapper.toFhir(new StoredSession(session, 7, END));

        assertThat(appointment.getMeta().getVersionId()).isEqualTo("7");
        assertThat(appointment.getServiceTypeFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("teleconsultation");
        assertThat(mapper.toSession(appointment)).isEqualTo(session);
    }

    static Stream<Arguments> notTelehealth() {
        return Stream.of(
                Arguments.of("no teleconsultation service type", (Consumer<Appointment>)
                        a -> a.getServiceType().clear()),
                Arguments.of("a status outside the lifecycle", (Consumer<Appointment>)
                        a -> a.setStatus(AppointmentStatus.WAITLIST)),
                Arguments.of("no status", (Consumer<Appointment>) a -> a.setStatus(null)),
                Arguments.of(
                        "end before start", (Consumer<Appointment>) a -> a.setEnd(Date.from(START.minusSeconds(1)))),
                Arguments.of("no end", (Consumer<Appointment>) a -> a.setEnd(null)),
                Arguments.of("two patients", (Consumer<Appointment>)
                        a -> a.addParticipant().setActor(new Reference("Patient/p2"))),
                Arguments.of("no patient", (Consumer<Appointment>) a -> a.getParticipant()
                        .removeIf(p -> p.getActor().getReference().startsWith("Patient/"))),
                Arguments.of("a third kind of participant", (Consumer<Appointment>)
                        a -> a.addParticipant().setActor(new Reference("RelatedPerson/r1"))),
                Arguments.of("an absolute reference", (Consumer<Appointment>)
                        a -> a.getParticipantFirstRep().setActor(new Reference("Patient/http:x"))),
                Arguments.of("an overlong cancellation reason", (Consumer<Appointment>)
                        a -> a.getCancelationReason().setText("x".repeat(501))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTelehealth")
    void refusesAnAppointmentThatIsNotATelehealthSession(String why, Consumer<Appointment> spoil) {
        Appointment appointment = mapper.toFhir(new StoredSession(
                new TelehealthSession("a1", "p1", "d1", START, END, SessionStatus.BOOKED, null), 1, END));
        spoil.accept(appointment);

        assertThatThrownBy(() -> mapper.toSession(appointment)).isInstanceOfSatisfying(BridgeFhirException.class, e -> {
            assertThat(e.code()).isEqualTo(TelehealthError.APPOINTMENT_INVALID);
            assertThat(e.getStatusCode()).isEqualTo(422);
        });
    }
}
