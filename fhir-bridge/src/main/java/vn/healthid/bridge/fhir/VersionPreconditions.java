package vn.healthid.bridge.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * ETag / If-Match for features that update stored resources: the version the client saw
 * ({@code If-Match: W/"3"}) becomes the store's compare-and-set version. A stale If-Match is
 * 412; a lost race without If-Match is 409.
 */
public final class VersionPreconditions {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"([0-9]{1,18})\"$");

    private VersionPreconditions() {}

    /** The version named by If-Match, or {@link DocumentStore#ANY_VERSION} when absent. */
    public static long expectedVersion(RequestDetails request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return DocumentStore.ANY_VERSION;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw new BridgeFhirException(
                    BridgeError.PRECONDITION_FAILED, "If-Match must be a version ETag, W/\"<n>\".");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Runs a compare-and-set write and turns a conflict into 412 (the client's If-Match was stale)
     * or 409 (another writer won).
     */
    public static StoredDocument write(long expectedVersion, boolean fromIfMatch, LongFunction<StoredDocument> write) {
        try {
            return write.apply(expectedVersion);
        } catch (VersionConflictException e) {
            throw new BridgeFhirException(
                    fromIfMatch ? BridgeError.PRECONDITION_FAILED : BridgeError.VERSION_CONFLICT,
                    "The current version is " + e.currentVersion() + ".");
        }
    }
}
