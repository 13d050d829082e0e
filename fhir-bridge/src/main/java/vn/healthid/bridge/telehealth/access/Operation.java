package vn.healthid.bridge.telehealth.access;

/** What a caller asks to do, with the SMART v2 permission letter it needs on Appointment. */
public enum Operation {
    BOOK('c'),
    READ('r'),
    SEARCH('s'),
    CANCEL('u'),
    /** accept (proposed -> booked), finish (fulfilled), no-show */
    UPDATE('u'),
    /** $join moves the session to arrived, so it needs the update permission */
    JOIN('u'),
    /** the video service consuming a ticket: a system token */
    REDEEM('r');

    private final char permission;

    Operation(char permission) {
        this.permission = permission;
    }

    public char permission() {
        return permission;
    }
}
