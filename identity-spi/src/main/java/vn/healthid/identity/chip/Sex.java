package vn.healthid.identity.chip;

/** Sex as read from DG13 ("Nam" / "Nữ") and the MRZ (M / F). */
public enum Sex {
    MALE,
    FEMALE
}
