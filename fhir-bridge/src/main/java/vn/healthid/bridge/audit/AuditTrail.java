package vn.healthid.bridge.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.NotReplicatedException;
import vn.healthid.bridge.store.StreamEntry;

/**
 * Writes audit entries to the shared stream and to the person's own stream, and lists a person's
 * entries newest first. Store failures surface as {@link BridgeFhirException} with an {@link AuditError}; the caller
 * decides whether that blocks the response.
 */
@Component
public final class AuditTrail {

    private static final int READ_CHUNK = 500;

    private final EventStream streams;
    private final AuditProperties properties;

    public AuditTrail(EventStream streams, AuditProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    /** A page of a person's entries, newest first; {@code total} counts all entries considered. */
    public record Page(List<StreamEntry> entries, int total) {}

    public void record(AuditEntry entry) {
        try {
            // the person's copy first: it is what the citizen sees, so it must not be the one missing
            var fields = entry.toFields();
            if (entry.patient() != null && !isOwnTrailRead(entry)) {
                streams.appendToEach(List.of(properties.patientStream(entry.patient()), properties.stream()), fields);
            } else {
                streams.append(properties.stream(), fields);
            }
        } catch (NotReplicatedException e) {
            throw new BridgeFhirException(AuditError.AUDIT_NOT_REPLICATED, e);
        } catch (RuntimeException e) {
            throw new BridgeFhirException(AuditError.AUDIT_UNAVAILABLE, e);
        }
    }

    /**
     * A citizen listing their own trail goes to the shared stream only: in their list it would say
     * nothing new and shift the pages they are reading.
     */
    private static boolean isOwnTrailRead(AuditEntry entry) {
        return "AuditEvent".equals(entry.entity()) && ("Patient/" + entry.patient()).equals(entry.user());
    }

    public Page list(String patientId, int offset, int count) {
        Deque<StreamEntry> newest = new ArrayDeque<>();
        try {
            String after = null;
            List<StreamEntry> chunk;
            do {
                chunk = streams.read(properties.patientStream(patientId), after, READ_CHUNK);
                for (StreamEntry entry : chunk) {
                    newest.addFirst(entry);
                    if (newest.size() > properties.maxListed()) {
                        newest.removeLast();
                    }
                }
                after = chunk.isEmpty() ? after : chunk.getLast().id();
            } while (chunk.size() == READ_CHUNK);
        } catch (RuntimeException e) {
            throw new BridgeFhirException(AuditError.AUDIT_UNAVAILABLE, e);
        }
        List<StreamEntry> all = new ArrayList<>(newest);
        int from = Math.min(offset, all.size());
        int to = Math.min(from + count, all.size());
        return new Page(List.copyOf(all.subList(from, to)), all.size());
    }
}
