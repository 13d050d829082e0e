package vn.healthid.bridge.store.memory;

import java.time.Clock;
import java.time.Duration;
import vn.healthid.bridge.store.EndedSessions;

/** In-memory ended sessions (single node: Keycloak's listener writes to Redis, never here). */
public final class MemoryEndedSessions implements EndedSessions {

    private final MemoryExpiringMap entries;

    public MemoryEndedSessions(Clock clock) {
        this.entries = new MemoryExpiringMap(clock, 10_000);
    }

    @Override
    public boolean contains(String sid) {
        return entries.get(sid).isPresent();
    }

    @Override
    public void add(String sid, String reason, Duration ttl) {
        entries.put(sid, reason, ttl);
    }
}
