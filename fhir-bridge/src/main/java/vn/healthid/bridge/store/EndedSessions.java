package vn.healthid.bridge.store;

import java.time.Duration;

/**
 * Keycloak sessions that have ended (logout, admin logout), written by the Keycloak extension and
 * read by every bridge replica. Key layout (shared with identity-spi, vectors in docs/sessions.md):
 * {@code <healthid.store.key-prefix>revoked-sid:<sid>}. Implementations throw on a store outage.
 */
public interface EndedSessions {

    boolean contains(String sid);

    /** Records an ended session for {@code ttl} (the extension's job; tests and single nodes). */
    void add(String sid, String reason, Duration ttl);
}
