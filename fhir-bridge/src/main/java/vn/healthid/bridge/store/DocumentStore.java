package vn.healthid.bridge.store;

import java.util.Optional;

/**
 * Versioned documents (FHIR resources as JSON) with compare-and-set. A collection is a resource
 * type; versions start at 1 and grow by one on every write, so they map onto FHIR version ids and
 * ETags (If-Match mismatch: 412, concurrent create: 409).
 */
public interface DocumentStore {

    /** {@code expectedVersion} for a create: the document must not exist yet. */
    long MUST_NOT_EXIST = 0;

    /** {@code expectedVersion} for an unconditional write. */
    long ANY_VERSION = -1;

    Optional<StoredDocument> get(String collection, String id);

    /**
     * Writes the document when its current version is {@code expectedVersion} (or for {@link
     * #ANY_VERSION} always) and returns the stored version.
     *
     * @throws VersionConflictException when the current version differs
     */
    StoredDocument put(String collection, String id, String body, long expectedVersion);

    /**
     * Deletes the document when its current version is {@code expectedVersion} (or for {@link
     * #ANY_VERSION} always); returns false when there was nothing to delete.
     *
     * @throws VersionConflictException when the current version differs
     */
    boolean delete(String collection, String id, long expectedVersion);
}
