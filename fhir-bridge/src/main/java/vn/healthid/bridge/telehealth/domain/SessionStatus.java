package vn.healthid.bridge.telehealth.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Appointment statuses a telehealth session uses (a subset of FHIR R4 {@code
 * appointmentstatus}) and the transitions allowed between them:
 *
 * <pre>
 * proposed -> booked | cancelled
 * booked   -> arrived (first $join) | cancelled | noshow
 * arrived  -> fulfilled
 * fulfilled, cancelled, noshow: final
 * </pre>
 */
public enum SessionStatus {
    PROPOSED("proposed"),
    BOOKED("booked"),
    ARRIVED("arrived"),
    FULFILLED("fulfilled"),
    CANCELLED("cancelled"),
    NOSHOW("noshow");

    private final String code;

    SessionStatus(String code) {
        this.code = code;
    }

    /** The FHIR code. */
    public String code() {
        return code;
    }

    public static Optional<SessionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The statuses this one may move to. */
    public Set<SessionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(BOOKED, CANCELLED);
            case BOOKED -> EnumSet.of(ARRIVED, CANCELLED, NOSHOW);
            case ARRIVED -> EnumSet.of(FULFILLED);
            case FULFILLED, CANCELLED, NOSHOW -> EnumSet.noneOf(SessionStatus.class);
        };
    }

    public boolean canMoveTo(SessionStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
