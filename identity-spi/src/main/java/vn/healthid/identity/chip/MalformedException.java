package vn.healthid.identity.chip;

/** A chip file that cannot be parsed; carries the reason code the failing check reports. */
final class MalformedException extends Exception {

    private final ReasonCode reason;
    private final String field;

    MalformedException(ReasonCode reason, String detail) {
        this(reason, detail, null);
    }

    /** {@code field} names the file's field at fault (a DG13 id), for evidence; never a value. */
    MalformedException(ReasonCode reason, String detail, String field) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    ReasonCode reason() {
        return reason;
    }

    /** The field at fault, or null when the fault is not one field's. */
    String field() {
        return field;
    }
}
