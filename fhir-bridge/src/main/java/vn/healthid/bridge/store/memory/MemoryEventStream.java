package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.store.StreamIds;

/** In-memory append-only streams with Redis-style ids. */
public final class MemoryEventStream implements EventStream {

    private final Map<String, List<StreamEntry>> streams = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryEventStream(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String append(String stream, Map<String, String> fields) {
        List<StreamEntry> entries = streams.computeIfAbsent(stream, name -> new ArrayList<>());
        synchronized (entries) {
            StreamIds id = nextId(entries);
            entries.add(new StreamEntry(id.toString(), fields));
            return id.toString();
        }
    }

    @Override
    public List<StreamEntry> read(String stream, String afterId, int count) {
        List<StreamEntry> entries = streams.getOrDefault(stream, List.of());
        StreamIds after = afterId == null ? null : StreamIds.parse(afterId);
        List<StreamEntry> page = new ArrayList<>();
        synchronized (entries) {
            for (StreamEntry entry : entries) {
                if (page.size() >= count) {
                    break;
                }
                if (after == null || StreamIds.parse(entry.id()).compareTo(after) > 0) {
                    page.add(entry);
                }
            }
        }
        return page;
    }

    private StreamIds nextId(List<StreamEntry> entries) {
        long now = clock.millis();
        if (entries.isEmpty()) {
            return new StreamIds(now, 0);
        }
        StreamIds last = StreamIds.parse(entries.getLast().id());
        return now > last.millis() ? new StreamIds(now, 0) : new StreamIds(last.millis(), last.sequence() + 1);
    }
}
