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
     * Reads up to {@code count} entries with ids after {@code afterId} (exclusive), oldest first;
     * {@code afterId} null reads from the beginning.
     */
    List<StreamEntry> read(String stream, String afterId, int count);
}
