package vn.healthid.identity.chip;

/**
 * A DG13 item the parser kept as bytes instead of strings; it never fails the card (docs/cccd-chip.md).
 *
 * @param id the item's field id, or 0 when the item has none
 * @param encoded the whole item as it was on the chip (personal data: never logged, never put in evidence)
 */
record Dg13RawItem(int id, Kind kind, byte[] encoded) {

    enum Kind {
        /** An id the table does not name. */
        UNKNOWN_ID,
        /** A known informational id whose value is neither a string nor (nested) SEQUENCEs of strings. */
        UNREADABLE,
        /** A second item with the id of an informational field; the first one counts. */
        REPEATED,
        /** Not a SEQUENCE opened by a small positive INTEGER. */
        NO_ID
    }

    /** For evidence: "17:UNKNOWN_ID"; ids and kinds only. */
    String describe() {
        return id + ":" + kind;
    }
}
