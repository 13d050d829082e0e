package vn.healthid.bridge.store;

import java.time.Instant;
import java.util.Objects;

/** One version of a stored document. */
public record StoredDocument(String id, long version, String body, Instant lastUpdated) {

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
