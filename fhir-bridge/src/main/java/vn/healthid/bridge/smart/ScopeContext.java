package vn.healthid.bridge.smart;

/** The first part of a SMART scope. */
public enum ScopeContext {
    /** Confined to the Patient compartment of the token's patient. */
    PATIENT,
    /** What the user may see: a citizen's own compartment; clinic staff like {@link #SYSTEM}. */
    USER,
    /** Back-office clients of a clinic: any record of the type. */
    SYSTEM
}
