package vn.healthid.sandbox.cards;

/** Sex as printed on the card ("Nam" / "Nữ" in DG13, M / F in the MRZ). */
public enum Sex {
    MALE,
    FEMALE;

    String dg13Label() {
        return this == MALE ? "Nam" : "Nữ";
    }

    char mrzCode() {
        return this == MALE ? 'M' : 'F';
    }
}
