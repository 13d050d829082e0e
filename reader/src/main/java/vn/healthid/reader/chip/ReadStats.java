package vn.healthid.reader.chip;

/** APDUs, bytes on the wire (command and response APDUs as transmitted) and time, per phase of one read. */
public record ReadStats(Phase accessControl, Phase files, Phase activeAuthentication, int sessions) {

    /** One phase: the APDUs exchanged, their bytes each way, the wall time. */
    public record Phase(int apdus, long commandBytes, long responseBytes, long nanos) {

        static final Phase NONE = new Phase(0, 0, 0, 0);

        Phase plus(Phase other) {
            return new Phase(
                    apdus + other.apdus,
                    commandBytes + other.commandBytes,
                    responseBytes + other.responseBytes,
                    nanos + other.nanos);
        }
    }

    public Phase total() {
        return accessControl.plus(files).plus(activeAuthentication);
    }
}
