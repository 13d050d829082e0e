package vn.healthid.bridge.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived single-use items (join tickets, one-time codes): stored with a TTL, taken at most
 * once. {@link #take} is atomic: of two concurrent takers exactly one gets the value.
 */
public interface SingleUseStore {

    /** Stores the item unless the key is already in use; returns false when it was. */
    boolean put(String key, String value, Duration ttl);

    /** Returns and removes the item; empty when it never existed, expired or was taken. */
    Optional<String> take(String key);
}
