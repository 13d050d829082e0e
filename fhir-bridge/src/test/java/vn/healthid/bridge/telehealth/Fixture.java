package vn.healthid.bridge.telehealth;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.telehealth.access.Caller;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/** Callers, sessions and service stacks shared by the telehealth tests. */
public final class Fixture {

    public static final Map<String, Integer> ACR_LEVELS = Map.of(
            "urn:vn:healthid:acr:chip-aa", 3,
            "urn:vn:healthid:acr:vneid-2", 2,
            "urn:vn:healthid:acr:vneid-1", 1,
            "urn:vn:healthid:acr:chip-pa", 1);

    public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    public static final Instant START = NOW.plus(Duration.ofHours(1));
    public static final Instant END = START.plus(Duration.ofMinutes(30));

    private Fixture() {}

    public static TelehealthServices services(DocumentStore documents, SingleUseStore singleUse, TestClock clock) {
        return TelehealthServices.create(
                documents, singleUse, clock, TelehealthProperties.defaults(), ACR_LEVELS, FhirContext.forR4Cached());
    }

    public static Caller patient(String id) {
        return patient(id, 2);
    }

    public static Caller patient(String id, int loa) {
        return new Caller(
                Caller.Kind.PATIENT, id, Set.of("openid", "patient/Appointment.cruds"), loa, "telehealth-app");
    }

    public static Caller practitioner(String id) {
        return new Caller(Caller.Kind.PRACTITIONER, id, Set.of("openid", "user/Appointment.*"), 3, "clinic-portal");
    }

    public static Caller videoService() {
        return new Caller(Caller.Kind.SYSTEM, "video-service", Set.of("system/Appointment.r"), 0, "video-service");
    }

    /** A proposal by {@code patientId}, one hour from {@link #NOW}, nobody assigned. */
    public static TelehealthSession proposal(String patientId) {
        return new TelehealthSession(null, patientId, null, START, END, SessionStatus.PROPOSED, null);
    }

    /** The change a client sends: the session with another status (and practitioner). */
    public static TelehealthSession change(TelehealthSession current, SessionStatus status, String practitionerId) {
        return new TelehealthSession(
                current.id(), current.patientId(), practitionerId, current.start(), current.end(), status, null);
    }
}
