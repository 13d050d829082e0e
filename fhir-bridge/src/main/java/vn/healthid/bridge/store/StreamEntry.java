package vn.healthid.bridge.store;

import java.util.Map;

/** One entry of an {@link EventStream}. */
public record StreamEntry(String id, Map<String, String> fields) {

    public StreamEntry {
        fields = Map.copyOf(fields);
    }
}
