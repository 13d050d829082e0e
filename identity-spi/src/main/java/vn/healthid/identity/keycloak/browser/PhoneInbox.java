package vn.healthid.identity.keycloak.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Where a phone drops the bundle for a waiting browser: one slot per challenge in the single-use store, living no
 * longer than the challenge. The browser takes it out (once) and verifies it in its own authentication session.
 */
public final class PhoneInbox {

    private static final String PREFIX = "healthid.chip.inbox.";
    private final SingleUseObjectProvider store;

    public PhoneInbox(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** False when a bundle is already waiting (the first one wins). */
    public boolean deliver(String challenge, byte[] bundle, Duration ttl) {
        if (store.contains(PREFIX + challenge)) {
            return false;
        }
        store.put(PREFIX + challenge, ttl.toSeconds(), Map.of("bundle", new String(bundle, StandardCharsets.UTF_8)));
        return true;
    }

    public boolean hasBundle(String challenge) {
        return store.contains(PREFIX + challenge);
    }

    public Optional<byte[]> take(String challenge) {
        Map<String, String> notes = store.remove(PREFIX + challenge);
        return notes == null || notes.get("bundle") == null
                ? Optional.empty()
                : Optional.of(notes.get("bundle").getBytes(StandardCharsets.UTF_8));
    }
}
