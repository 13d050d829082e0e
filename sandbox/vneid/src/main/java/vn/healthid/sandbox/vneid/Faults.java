package vn.healthid.sandbox.vneid;

/** The current failure mode, read on every request. */
public final class Faults {

    private volatile FaultMode mode = FaultMode.NONE;

    public FaultMode mode() {
        return mode;
    }

    public void mode(FaultMode newMode) {
        this.mode = newMode == null ? FaultMode.NONE : newMode;
    }
}
