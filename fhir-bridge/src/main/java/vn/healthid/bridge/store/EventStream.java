package vn.healthid.bridge.store;

import java.util.List;
import java.util.Map;

/**
 * Append-only streams of events (the audit trail). Entries are never changed or removed by the
 * application; ids grow monotonically within a stream ({@code <millis>-<sequence>}).
 */
public interface EventStream {

    /** Appends an entry and returns its id. */
    String append(String stream, Map<String, String> fields);

    /**
     * Appends the same entry to each stream, in order, and returns their ids; one round trip where
     * the store allows. Not atomic: a failure part-way may leave the first streams appended.
     */
    default List<String> appendToEach(List<String> streams, Map<String, String> fields) {
        return streams.stream().map(stream -> append(stream, fields)).toList();
    }

    /**
     * Reads up to {@code count} entries with ids after {@code afterId} (exclusive), oldest first;
     * {@code afterId} null reads from the beginning.
     */
    List<StreamEntry> read(String stream, String afterId, int count);
}
