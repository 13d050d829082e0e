package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/** In-memory documents for the single-node quickstart; compare-and-set through {@code compute}. */
public final class MemoryDocumentStore implements DocumentStore {

    private final Map<String, StoredDocument> documents = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryDocumentStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<StoredDocument> get(String collection, String id) {
        return Optional.ofNullable(documents.get(key(collection, id)));
    }

    @Override
    public StoredDocument put(String collection, String id, String body, long expectedVersion) {
        return documents.compute(key(collection, id), (key, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (expectedVersion != ANY_VERSION && expectedVersion != currentVersion) {
                throw new VersionConflictException(expectedVersion, currentVersion);
            }
            return new StoredDocument(id, currentVersion + 1, body, clock.instant());
        });
    }

    @Override
    public boolean delete(String collection, String id, long expectedVersion) {
        boolean[] deleted = {false};
        documents.computeIfPresent(key(collection, id), (key, current) -> {
            if (expectedVersion != ANY_VERSION && expectedVersion != current.version()) {
                throw new VersionConflictException(expectedVersion, current.version());
            }
            deleted[0] = true;
            return null;
        });
        if (!deleted[0] && expectedVersion != ANY_VERSION && expectedVersion != MUST_NOT_EXIST) {
            throw new VersionConflictException(expectedVersion, 0);
        }
        return deleted[0];
    }

    private static String key(String collection, String id) {
        return collection + '/' + id;
    }
}
