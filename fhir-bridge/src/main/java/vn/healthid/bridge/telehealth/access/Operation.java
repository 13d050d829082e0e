package vn.healthid.bridge.telehealth.access;

import vn.healthid.bridge.smart.Interaction;

/** What a caller asks to do, with the SMART v2 permission it needs on Appointment. */
public enum Operation {
    BOOK(Interaction.CREATE),
    READ(Interaction.READ),
    SEARCH(Interaction.SEARCH),
    CANCEL(Interaction.UPDATE),
    /** accept (proposed -> booked), finish (fulfilled), no-show */
    UPDATE(Interaction.UPDATE),
    /** $join moves the session to arrived, so it needs the update permission */
    JOIN(Interaction.UPDATE),
    /** the video service consuming a ticket: a system token */
    REDEEM(Interaction.READ);

    private final Interaction interaction;

    Operation(Interaction interaction) {
        this.interaction = interaction;
    }

    public Interaction interaction() {
        return interaction;
    }
}
