package vn.healthid.bridge.telehealth;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;
import vn.healthid.bridge.testsupport.Callers;

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
                documents, singleUse, clock, TelehealthProperties.defaults(), FhirContext.forR4Cached());
    }

    public static Caller patient(String id) {
        return patient(id, 2);
    }

    public static Caller patient(String id, int loa) {
        return Callers.direct(
                Caller.Kind.CITIZEN,
                id,
                List.of("openid", "patient/Appointment.cruds"),
                acr(loa),
                "telehealth-app",
                ACR_LEVELS);
    }

    public static Caller practitioner(String id) {
        return Callers.direct(
                Caller.Kind.PRACTITIONER,
                id,
                List.of("openid", "user/Appointment.*"),
                acr(3),
                "clinic-portal",
                ACR_LEVELS);
    }

    public static Caller videoService() {
        return Callers.direct(
                Caller.Kind.SYSTEM,
                "video-service",
                List.of("system/Appointment.r"),
                null,
                "video-service",
                ACR_LEVELS);
    }

    /** A caller of this kind with exactly these scopes. */
    public static Caller with(Caller.Kind kind, String id, String scopes, int loa, String client) {
        return Callers.direct(kind, id, List.of(scopes), acr(loa), client, ACR_LEVELS);
    }

    /** The acr of a level in {@link #ACR_LEVELS}. */
    public static String acr(int loa) {
        return switch (loa) {
            case 3 -> "urn:vn:healthid:acr:chip-aa";
            case 2 -> "urn:vn:healthid:acr:vneid-2";
            case 1 -> "urn:vn:healthid:acr:chip-pa";
            default -> null;
        };
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
