package vn.healthid.identity.chip;

/** A chip file that cannot be parsed; carries the reason code the failing check reports. */
final class MalformedException extends Exception {

    private final ReasonCode reason;

    MalformedException(ReasonCode reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    ReasonCode reason() {
        return reason;
    }
}
