package vn.healthid.bridge.store;

/**
 * A write the primary took but fewer replicas than required acknowledged in time ({@code WAIT}): it
 * may be lost if the primary fails now, so the caller must not treat it as durable.
 */
public final class NotReplicatedException extends RuntimeException {

    public NotReplicatedException(long acknowledged, int required) {
        super(acknowledged + " of " + required + " replicas acknowledged the write", null, false, false);
    }
}
