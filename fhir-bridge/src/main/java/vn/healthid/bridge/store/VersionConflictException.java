package vn.healthid.bridge.store;

/** A compare-and-set write found another version than the one expected. */
public final class VersionConflictException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public VersionConflictException(long expectedVersion, long currentVersion) {
        super("expected version " + expectedVersion + " but found " + currentVersion);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found; 0 when the document does not exist. */
    public long currentVersion() {
        return currentVersion;
    }
}
