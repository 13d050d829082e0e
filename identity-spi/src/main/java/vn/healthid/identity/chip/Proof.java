package vn.healthid.identity.chip;

/** What a verification proved: nothing, the files are the state's, or also that the chip answered now. */
public enum Proof {
    NONE,
    PASSIVE_ONLY,
    PASSIVE_AND_ACTIVE
}
